import { useState } from 'react';
import { Button, DatePicker, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { api } from '../../lib/api';
import { useApiMutation } from '../../lib/useApiMutation';
import { formatDateCn } from '../../lib/format';
import { ISSUE_TYPE_OPTIONS, type Issue, type OrgOption, type ProjectDetail } from './types';

const STATE = { open: ['blue', '待解决'], overdue: ['red', '逾期'], resolved: ['green', '已解决'] } as const;
const d = (v: dayjs.Dayjs | null | undefined) => (v ? v.format('YYYY-MM-DD') : null);

/** 协调事项: internal, never on the portal. */
export function IssuesCard({ project }: { project: ProjectDetail }) {
  const [editing, setEditing] = useState<Issue | 'new' | null>(null);
  const [resolving, setResolving] = useState<Issue | null>(null);
  const [form] = Form.useForm();
  const orgs = useQuery({ queryKey: ['org-units'], queryFn: () => api.get<OrgOption[]>('/api/org-units') });
  const base = `/api/projects/${project.id}/issues`;
  const save = useApiMutation((v: Record<string, unknown>) => (editing === 'new' ? api.post(base, v) : api.patch(`${base}/${(editing as Issue).id}`, { ...v, version: (editing as Issue).version })), {
    invalidate: [['projects']], success: '已保存', onSuccess: () => setEditing(null),
  });
  const resolve = useApiMutation((v: { i: Issue; resolvedOn: string; resolution: string }) => api.post(`${base}/${v.i.id}/resolve`, { version: v.i.version, resolvedOn: v.resolvedOn, resolution: v.resolution }), {
    invalidate: [['projects']], success: '已登记解决', onSuccess: () => setResolving(null),
  });
  const reopen = useApiMutation((i: Issue) => api.post(`${base}/${i.id}/reopen`, { version: i.version }), { invalidate: [['projects']], success: '已重新打开' });

  const open = (i: Issue | 'new') => {
    setEditing(i);
    form.setFieldsValue(i === 'new'
      ? { type: '要素保障', title: '', raisedOn: dayjs(), raisedBy: '', ownerOrgId: null, actionRequired: '', dueOn: null }
      : { ...i, raisedOn: dayjs(i.raisedOn), dueOn: i.dueOn ? dayjs(i.dueOn) : null });
  };
  const submit = async () => {
    const v = await form.validateFields(['type', 'title', 'raisedOn', 'raisedBy', 'ownerOrgId', 'actionRequired', 'dueOn']);
    save.mutate({ ...v, raisedOn: d(v.raisedOn), dueOn: d(v.dueOn), ownerOrgId: v.ownerOrgId ?? null, actionRequired: v.actionRequired ?? '' });
  };

  return (
    <>
      <Space style={{ marginBottom: 12 }} wrap>
        {project.canEdit && <Button onClick={() => open('new')}>新增协调事项</Button>}
        <Typography.Text type="secondary">协调事项仅内部可见，不在公开门户展示。</Typography.Text>
      </Space>
      <Table<Issue>
        rowKey="id" size="middle" pagination={false} dataSource={project.issues} scroll={{ x: 1000 }}
        expandable={{ expandedRowRender: (i) => <div>{i.actionRequired && <p style={{ margin: 0 }}>需协调：{i.actionRequired}</p>}{i.resolution && <p style={{ margin: 0 }}>解决情况：{i.resolution}</p>}</div>, rowExpandable: (i) => !!(i.actionRequired || i.resolution) }}
        columns={[
          { title: '类型', dataIndex: 'type', width: 90, render: (v) => <Tag>{v}</Tag> },
          { title: '事项', dataIndex: 'title' },
          { title: '提出', key: 'raised', width: 170, render: (_, i) => <>{formatDateCn(i.raisedOn)}<br /><Typography.Text type="secondary">{i.raisedBy}</Typography.Text></> },
          { title: '责任单位', dataIndex: 'ownerOrgName', width: 170, render: (v) => v ?? '—' },
          { title: '办结时限', dataIndex: 'dueOn', width: 120, render: formatDateCn },
          { title: '状态', dataIndex: 'state', width: 120, render: (s: Issue['state'], i) => <Tag color={STATE[s][0]}>{STATE[s][1]}{s === 'overdue' ? ` ${i.daysOverdue} 天` : s === 'resolved' ? ` ${formatDateCn(i.resolvedOn)}` : ''}</Tag> },
          ...(project.canEdit ? [{
            title: '操作', key: 'ops', width: 150,
            render: (_: unknown, i: Issue) => (
              <Space>
                {i.state === 'resolved'
                  ? <a onClick={() => reopen.mutate(i)}>重新打开</a>
                  : <a onClick={() => { setResolving(i); form.setFieldsValue({ resolvedOn: dayjs(), resolution: '' }); }}>登记解决</a>}
                <a onClick={() => open(i)}>编辑</a>
              </Space>
            ),
          }] : []),
        ]}
      />
      <Modal open={!!editing} title={editing === 'new' ? '新增协调事项' : '编辑协调事项'} onCancel={() => setEditing(null)} onOk={submit} okText="保存" confirmLoading={save.isPending} destroyOnHidden>
        <Form form={form} layout="vertical">
          <Form.Item label="类型" name="type" rules={[{ required: true }]}><Select options={ISSUE_TYPE_OPTIONS} /></Form.Item>
          <Form.Item label="事项" name="title" rules={[{ required: true, message: '请填写事项' }]}><Input maxLength={120} /></Form.Item>
          <Space wrap>
            <Form.Item label="提出日期" name="raisedOn" rules={[{ required: true, message: '请选择日期' }]}><DatePicker disabledDate={(x) => x.isAfter(dayjs(), 'day')} /></Form.Item>
            <Form.Item label="提出方" name="raisedBy" rules={[{ required: true, message: '请填写提出方' }]}><Input maxLength={60} /></Form.Item>
          </Space>
          <Form.Item label="责任单位" name="ownerOrgId"><Select allowClear showSearch={{ optionFilterProp: 'label' }} options={(orgs.data ?? []).map((o) => ({ value: o.id, label: o.name }))} /></Form.Item>
          <Form.Item label="需协调解决的事项" name="actionRequired"><Input.TextArea rows={3} maxLength={1000} /></Form.Item>
          <Form.Item label="办结时限" name="dueOn"><DatePicker /></Form.Item>
        </Form>
      </Modal>
      <Modal open={!!resolving} title={`登记解决：${resolving?.title ?? ''}`} onCancel={() => setResolving(null)} okText="确定" confirmLoading={resolve.isPending}
        onOk={async () => { const v = await form.validateFields(['resolvedOn', 'resolution']); resolve.mutate({ i: resolving!, resolvedOn: d(v.resolvedOn)!, resolution: v.resolution }); }} destroyOnHidden>
        <Form form={form} layout="vertical">
          <Form.Item label="解决日期" name="resolvedOn" rules={[{ required: true, message: '请选择日期' }]}><DatePicker disabledDate={(x) => x.isAfter(dayjs(), 'day')} /></Form.Item>
          <Form.Item label="解决情况" name="resolution" rules={[{ required: true, message: '请填写解决情况' }]}><Input.TextArea rows={3} maxLength={1000} /></Form.Item>
        </Form>
      </Modal>
    </>
  );
}
