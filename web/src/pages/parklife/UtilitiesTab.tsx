import { useState } from 'react';
import { Button, Col, DatePicker, Form, Input, InputNumber, Modal, Row, Select, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { formatDateCn } from '../../lib/format';
import { UTILITY_KINDS, UTILITY_STATUSES, type Utility } from './types';
import { RowActions, useListEditor } from './editing';
import { ResponsiveTable } from '../../lib/ResponsiveTable';

const COLOR: Record<string, string> = { operating: 'green', trial: 'cyan', under_construction: 'blue', planned: 'default', paused: 'orange' };
const d = (v: dayjs.Dayjs | null | undefined) => (v ? v.format('YYYY-MM-DD') : null);

/** 水、电、暖、气: status, expected operation date, and whether that date has passed. */
export function UtilitiesTab({ rows, canEdit }: { rows: Utility[]; canEdit: boolean }) {
  const [editing, setEditing] = useState<Utility | 'new' | null>(null);
  const [form] = Form.useForm();
  const { save, remove } = useListEditor<Utility>('/api/parklife/utilities', () => setEditing(null));
  const open = (u: Utility | 'new') => {
    setEditing(u);
    form.setFieldsValue(u === 'new' ? { kind: 'water', status: 'under_construction', expectedOn: null, operatingSince: null, sortOrder: rows.length }
      : { ...u, expectedOn: u.expectedOn ? dayjs(u.expectedOn) : null, operatingSince: u.operatingSince ? dayjs(u.operatingSince) : null });
  };
  const submit = async () => {
    const v = await form.validateFields();
    save.mutate({ row: editing === 'new' ? null : (editing as Utility), body: {
      kind: v.kind, name: v.name, status: v.status, expectedOn: d(v.expectedOn), operatingSince: d(v.operatingSince), note: v.note ?? '', internalNote: v.internalNote ?? '', sortOrder: v.sortOrder ?? 0,
    } });
  };
  return (
    <>
      {canEdit && <Button type="primary" style={{ marginBottom: 12 }} onClick={() => open('new')}>新增</Button>}
      <ResponsiveTable<Utility>
        rowKey="id" size="middle" pagination={false} dataSource={rows} scroll={{ x: 900 }}
        columns={[
          { title: '类型', dataIndex: 'kindLabel', width: 80, render: (v) => <Tag>{v}</Tag> },
          { title: '名称', dataIndex: 'name' },
          { title: '状态', dataIndex: 'statusLabel', width: 150, render: (v, u) => <><Tag color={COLOR[u.status]}>{v}</Tag>{u.overdue && <Tag color="red">已过预计投运日期</Tag>}</> },
          { title: '预计投入运营', dataIndex: 'expectedOn', width: 140, render: formatDateCn },
          { title: '投入运营日期', dataIndex: 'operatingSince', width: 140, render: formatDateCn },
          { title: '说明', dataIndex: 'note', render: (v, u) => <>{v}{u.internalNote && <Typography.Paragraph type="secondary" style={{ margin: 0 }}>内部备注：{u.internalNote}</Typography.Paragraph>}</> },
          ...(canEdit ? [{ title: '操作', key: 'ops', width: 110, render: (_: unknown, u: Utility) => <RowActions row={u} onEdit={open} remove={remove} what={`“${u.name}”`} /> }] : []),
        ]}
      />
      <Modal open={!!editing} title={editing === 'new' ? '新增水电暖气' : '编辑水电暖气'} onCancel={() => setEditing(null)} onOk={submit} okText="保存" confirmLoading={save.isPending} destroyOnHidden>
        <Form form={form} layout="vertical">
          <Row gutter={16}>
            <Col xs={12}><Form.Item label="类型" name="kind"><Select options={UTILITY_KINDS} /></Form.Item></Col>
            <Col xs={12}><Form.Item label="状态" name="status"><Select options={UTILITY_STATUSES} /></Form.Item></Col>
            <Col span={24}><Form.Item label="名称" name="name" rules={[{ required: true, message: '请输入名称' }]}><Input maxLength={60} /></Form.Item></Col>
            <Col xs={12}><Form.Item label="预计投入运营" name="expectedOn"><DatePicker style={{ width: '100%' }} /></Form.Item></Col>
            <Col xs={12}><Form.Item label="投入运营日期" name="operatingSince" extra="状态为“已投运”时必填"><DatePicker style={{ width: '100%' }} disabledDate={(x) => x.isAfter(dayjs(), 'day')} /></Form.Item></Col>
            <Col span={24}><Form.Item label="说明（公开）" name="note"><Input.TextArea rows={2} maxLength={1000} /></Form.Item></Col>
            <Col span={24}><Form.Item label="内部备注（不公开）" name="internalNote"><Input.TextArea rows={2} maxLength={1000} /></Form.Item></Col>
            <Col xs={12}><Form.Item label="排序" name="sortOrder"><InputNumber min={0} /></Form.Item></Col>
          </Row>
        </Form>
      </Modal>
    </>
  );
}
