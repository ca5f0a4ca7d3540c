import { useState } from 'react';
import { Button, DatePicker, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { api } from '../../lib/api';
import { useApiMutation } from '../../lib/useApiMutation';
import { formatDateCn } from '../../lib/format';
import type { Milestone, ProjectDetail } from './types';

const STATE = { achieved: ['green', '已完成'], overdue: ['red', '逾期'], pending: ['blue', '进行中'] } as const;

export function MilestonesCard({ project }: { project: ProjectDetail }) {
  const [editing, setEditing] = useState<Milestone | 'new' | null>(null);
  const [achieving, setAchieving] = useState<Milestone | null>(null);
  const [form] = Form.useForm();
  const base = `/api/projects/${project.id}/milestones`;
  const save = useApiMutation((v: Record<string, unknown>) => (editing === 'new' ? api.post(base, v) : api.patch(`${base}/${(editing as Milestone).id}`, { ...v, version: (editing as Milestone).version })), {
    invalidate: [['projects']], success: '已保存', onSuccess: () => setEditing(null),
  });
  const achieve = useApiMutation((v: { m: Milestone; date: string | null }) => api.patch(`${base}/${v.m.id}`, { version: v.m.version, achievedOn: v.date }), {
    invalidate: [['projects']], success: '已更新', onSuccess: () => setAchieving(null),
  });
  const remove = useApiMutation((m: Milestone) => api.delete(`${base}/${m.id}?version=${m.version}`), { invalidate: [['projects']], success: '已删除' });

  const open = (m: Milestone | 'new') => {
    setEditing(m);
    form.setFieldsValue(m === 'new' ? { name: '', componentId: null, targetDate: null, note: '' } : { name: m.name, componentId: m.componentId, targetDate: dayjs(m.targetDate), note: m.note });
  };
  const submit = async () => {
    const v = await form.validateFields(['name', 'componentId', 'targetDate', 'note']);
    save.mutate({ ...v, componentId: v.componentId ?? null, targetDate: (v.targetDate as dayjs.Dayjs).format('YYYY-MM-DD'), note: v.note ?? '' });
  };

  return (
    <>
      {project.canEdit && <Button style={{ marginBottom: 12 }} onClick={() => open('new')}>新增里程碑</Button>}
      <Table<Milestone>
        rowKey="id" size="middle" pagination={false} dataSource={project.milestones} scroll={{ x: 760 }}
        columns={[
          { title: '里程碑', dataIndex: 'name', render: (v, m) => <>{v}{m.componentName && <Tag style={{ marginInlineStart: 6 }}>{m.componentName}</Tag>}</> },
          { title: '目标日期', dataIndex: 'targetDate', render: formatDateCn },
          { title: '完成日期', dataIndex: 'achievedOn', render: formatDateCn },
          {
            title: '状态', dataIndex: 'state',
            render: (s: Milestone['state'], m) => <Tag color={STATE[s][0]}>{STATE[s][1]}{s === 'overdue' ? ` ${-(m.daysLeft ?? 0)} 天` : s === 'pending' && m.daysLeft !== null ? ` · 还有 ${m.daysLeft} 天` : ''}</Tag>,
          },
          { title: '说明', dataIndex: 'note' },
          ...(project.canEdit ? [{
            title: '操作', key: 'ops', width: 200,
            render: (_: unknown, m: Milestone) => (
              <Space>
                {m.achievedOn ? <a onClick={() => achieve.mutate({ m, date: null })}>撤销完成</a> : <a onClick={() => { setAchieving(m); form.setFieldsValue({ achievedOn: dayjs() }); }}>登记完成</a>}
                <a onClick={() => open(m)}>编辑</a>
                <Popconfirm title="删除此里程碑？" onConfirm={() => remove.mutate(m)}><a>删除</a></Popconfirm>
              </Space>
            ),
          }] : []),
        ]}
      />
      <Modal open={!!editing} title={editing === 'new' ? '新增里程碑' : '编辑里程碑'} onCancel={() => setEditing(null)} onOk={submit} okText="保存" confirmLoading={save.isPending} destroyOnHidden>
        <Form form={form} layout="vertical">
          <Form.Item label="名称" name="name" rules={[{ required: true, message: '请输入名称，如：主体封顶' }]}><Input maxLength={40} /></Form.Item>
          <Form.Item label="所属单体" name="componentId"><Select allowClear placeholder="整个项目" options={project.components.map((c) => ({ value: c.id, label: c.name }))} /></Form.Item>
          <Form.Item label="目标日期" name="targetDate" rules={[{ required: true, message: '请选择目标日期' }]}><DatePicker style={{ width: '100%' }} /></Form.Item>
          <Form.Item label="说明" name="note"><Input.TextArea rows={2} maxLength={500} /></Form.Item>
        </Form>
      </Modal>
      <Modal open={!!achieving} title={`登记完成：${achieving?.name ?? ''}`} onCancel={() => setAchieving(null)} okText="确定" confirmLoading={achieve.isPending}
        onOk={async () => { const v = await form.validateFields(['achievedOn']); achieve.mutate({ m: achieving!, date: (v.achievedOn as dayjs.Dayjs).format('YYYY-MM-DD') }); }} destroyOnHidden>
        <Form form={form} layout="vertical">
          <Form.Item label="实际完成日期" name="achievedOn" rules={[{ required: true, message: '请选择日期' }]}><DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} /></Form.Item>
        </Form>
      </Modal>
    </>
  );
}
