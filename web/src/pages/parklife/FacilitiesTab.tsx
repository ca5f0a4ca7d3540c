import { useState } from 'react';
import { Button, Col, Form, Input, InputNumber, Modal, Row, Select, Switch, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';
import { FACILITY_KINDS, FACILITY_STATUSES, type Facility } from './types';
import { RowActions, useListEditor } from './editing';
import { ResponsiveTable } from '../../lib/ResponsiveTable';

const STATUS_COLOR: Record<string, string> = { open: 'green', under_construction: 'blue', paused: 'default' };

export function FacilitiesTab({ rows, canEdit }: { rows: Facility[]; canEdit: boolean }) {
  const [editing, setEditing] = useState<Facility | 'new' | null>(null);
  const [form] = Form.useForm();
  const { save, remove } = useListEditor<Facility>('/api/parklife/facilities', () => setEditing(null));
  const projects = useQuery({ queryKey: ['projects', 'options'], queryFn: () => api.get<Array<{ id: string; name: string }>>('/api/projects/options'), enabled: !!editing });
  const open = (f: Facility | 'new') => {
    setEditing(f);
    form.setFieldsValue(f === 'new' ? { kind: 'canteen', status: 'open', isPublic: true, capacity: null, areaM2: null, sortOrder: rows.length } : f);
  };
  const submit = async () => {
    const v = await form.validateFields();
    const body = {
      kind: v.kind, name: v.name, status: v.status, hours: v.hours ?? '', capacity: v.capacity ?? null, capacityUnit: v.capacityUnit ?? '', areaM2: v.areaM2 ?? null,
      place: v.place ?? '', contactPhone: v.contactPhone || null, description: v.description ?? '', projectId: v.projectId ?? null,
      internalNote: v.internalNote ?? '', isPublic: !!v.isPublic, sortOrder: v.sortOrder ?? 0,
    };
    save.mutate({ row: editing === 'new' ? null : (editing as Facility), body });
  };
  return (
    <>
      {canEdit && <Button type="primary" style={{ marginBottom: 12 }} onClick={() => open('new')}>新增设施</Button>}
      {/* Widths (with the expand column) stay under scroll.x, so at 1440 px the table fits and 关联项目 is clear of the fixed 操作 column. */}
      <ResponsiveTable<Facility>
        rowKey="id" size="middle" pagination={false} dataSource={rows} scroll={{ x: 1100 }}
        columns={[
          { title: '设施', dataIndex: 'name', width: 200, render: (v, f) => <>{v} <Tag>{f.kindLabel}</Tag>{!f.isPublic && <Tag>不公开</Tag>}</> },
          { title: '状态', dataIndex: 'statusLabel', width: 80, render: (v, f) => <Tag color={STATUS_COLOR[f.status]}>{v}</Tag> },
          { title: '开放时间', dataIndex: 'hours', width: 160, render: (v) => v || '—' },
          { title: '容量', key: 'cap', width: 90, render: (_, f) => (f.capacity !== null ? `${f.capacity.toLocaleString('zh-CN')} ${f.capacityUnit}` : '—') },
          { title: '面积', dataIndex: 'areaM2', width: 90, render: (v) => (v ? `${v.toLocaleString('zh-CN')} m²` : '—') },
          { title: '位置', dataIndex: 'place', width: 140 },
          { title: '关联项目', key: 'p', width: 170, render: (_, f) => (f.project ? <>{f.project.name}<br /><Typography.Text type="secondary">进度 {f.project.progress}%</Typography.Text></> : '—') },
          ...(canEdit ? [{ title: '操作', key: 'ops', width: 110, fixed: 'right' as const, render: (_: unknown, f: Facility) => <RowActions row={f} onEdit={open} remove={remove} what={`“${f.name}”`} /> }] : []),
        ]}
        expandable={{ expandedRowRender: (f) => <div>{f.description}{f.internalNote && <Typography.Paragraph type="secondary" style={{ margin: 0 }}>内部备注：{f.internalNote}</Typography.Paragraph>}</div> }}
      />
      <Modal open={!!editing} title={editing === 'new' ? '新增设施' : '编辑设施'} onCancel={() => setEditing(null)} onOk={submit} okText="保存" confirmLoading={save.isPending} width={720} destroyOnHidden>
        <Form form={form} layout="vertical">
          <Row gutter={16}>
            <Col xs={24} md={12}><Form.Item label="名称" name="name" rules={[{ required: true, message: '请输入名称' }]}><Input maxLength={60} /></Form.Item></Col>
            <Col xs={12} md={6}><Form.Item label="类型" name="kind"><Select options={FACILITY_KINDS} /></Form.Item></Col>
            <Col xs={12} md={6}><Form.Item label="状态" name="status"><Select options={FACILITY_STATUSES} /></Form.Item></Col>
            <Col xs={24} md={12}><Form.Item label="开放时间" name="hours"><Input maxLength={100} placeholder="如：06:30–20:00" /></Form.Item></Col>
            <Col xs={12} md={6}><Form.Item label="容量" name="capacity"><InputNumber min={0} style={{ width: '100%' }} /></Form.Item></Col>
            <Col xs={12} md={6}><Form.Item label="容量单位" name="capacityUnit"><Input maxLength={10} placeholder="座 / 床位 / 个学位" /></Form.Item></Col>
            <Col xs={12} md={6}><Form.Item label="面积" name="areaM2"><InputNumber min={1} suffix="m²" style={{ width: '100%' }} /></Form.Item></Col>
            <Col xs={12} md={10}><Form.Item label="位置" name="place"><Input maxLength={120} /></Form.Item></Col>
            <Col xs={24} md={8}><Form.Item label="咨询电话（办公电话）" name="contactPhone" extra="只能填写单位办公电话，不能填个人手机"><Input maxLength={30} /></Form.Item></Col>
            <Col xs={24} md={16}><Form.Item label="关联重点项目" name="projectId"><Select allowClear options={(projects.data ?? []).map((p) => ({ value: p.id, label: p.name }))} /></Form.Item></Col>
            <Col xs={12} md={4}><Form.Item label="排序" name="sortOrder"><InputNumber min={0} style={{ width: '100%' }} /></Form.Item></Col>
            <Col xs={12} md={4}><Form.Item label="公开" name="isPublic" valuePropName="checked"><Switch /></Form.Item></Col>
            <Col span={24}><Form.Item label="简介（公开）" name="description"><Input.TextArea rows={3} maxLength={2000} /></Form.Item></Col>
            <Col span={24}><Form.Item label="内部备注（不公开）" name="internalNote"><Input.TextArea rows={2} maxLength={1000} /></Form.Item></Col>
          </Row>
        </Form>
      </Modal>
    </>
  );
}
