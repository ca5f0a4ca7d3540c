import { useState } from 'react';
import { Button, Card, Col, Form, Input, InputNumber, Modal, Radio, Row, Select, Space, Switch, Tag, Typography } from 'antd';
import type { BusRoute } from './types';
import { RowActions, useListEditor } from './editing';

const HHMM = { pattern: /^([01]\d|2[0-3]):[0-5]\d$/, message: '格式为 HH:MM，如 06:30' };

export function BusRoutesTab({ rows, canEdit }: { rows: BusRoute[]; canEdit: boolean }) {
  const [editing, setEditing] = useState<BusRoute | 'new' | null>(null);
  const [form] = Form.useForm();
  const mode = Form.useWatch('mode', form) as 'headway' | 'list' | undefined;
  const { save, remove } = useListEditor<BusRoute>('/api/parklife/bus-routes', () => setEditing(null));
  const open = (r: BusRoute | 'new') => {
    setEditing(r);
    form.setFieldsValue(r === 'new'
      ? { mode: 'headway', bidirectional: true, isPublic: true, firstDeparture: '06:30', lastDeparture: '20:00', headwayMin: 10, headwayMax: 15, departures: [], sortOrder: rows.length }
      : { ...r, mode: r.departures?.length ? 'list' : 'headway', departures: r.departures ?? [] });
  };
  const submit = async () => {
    const v = await form.validateFields();
    const body = {
      routeNo: v.routeNo, fromStop: v.fromStop, toStop: v.toStop, via: v.via ?? '', bidirectional: !!v.bidirectional, firstDeparture: v.firstDeparture, lastDeparture: v.lastDeparture,
      headwayMin: v.mode === 'headway' ? v.headwayMin : null, headwayMax: v.mode === 'headway' ? v.headwayMax : null, departures: v.mode === 'list' ? v.departures : null,
      fare: v.fare ?? '', operator: v.operator ?? '', note: v.note ?? '', internalNote: v.internalNote ?? '', isPublic: !!v.isPublic, sortOrder: v.sortOrder ?? 0,
    };
    save.mutate({ row: editing === 'new' ? null : (editing as BusRoute), body });
  };
  return (
    <>
      {canEdit && <Button type="primary" style={{ marginBottom: 12 }} onClick={() => open('new')}>新增线路</Button>}
      <Row gutter={[16, 16]}>
        {rows.map((r) => (
          <Col key={r.id} xs={24} lg={12}>
            <Card size="small" data-testid="bus-route"
              title={<Space><Tag color="red" style={{ fontSize: 14 }}>{r.routeNo}</Tag>{r.fromStop} {r.bidirectional ? '⇄' : '→'} {r.toStop}{!r.isPublic && <Tag>不公开</Tag>}</Space>}
              extra={canEdit && <RowActions row={r} onEdit={open} remove={remove} what={`线路“${r.routeNo}”`} />}>
              <Typography.Paragraph style={{ marginBottom: 4 }}>首班 {r.firstDeparture} · 末班 {r.lastDeparture} · {r.frequencyText}</Typography.Paragraph>
              <Typography.Paragraph strong style={{ marginBottom: 4 }}>现在 {r.next.now}：{r.next.status}</Typography.Paragraph>
              {r.next.next.length > 0 && <Space wrap style={{ marginBottom: 4 }}>{r.next.next.map((t) => <Tag key={t} color="blue">{t}</Tag>)}</Space>}
              {r.next.note && <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 4 }}>{r.next.note}</Typography.Paragraph>}
              {r.note && <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>{r.note}</Typography.Paragraph>}
              {r.internalNote && <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>内部备注：{r.internalNote}</Typography.Paragraph>}
            </Card>
          </Col>
        ))}
      </Row>
      <Modal open={!!editing} title={editing === 'new' ? '新增公交线路' : '编辑公交线路'} onCancel={() => setEditing(null)} onOk={submit} okText="保存" confirmLoading={save.isPending} width={720} destroyOnHidden>
        <Form form={form} layout="vertical">
          <Row gutter={16}>
            <Col xs={8} md={4}><Form.Item label="线路" name="routeNo" rules={[{ required: true, message: '如：5路' }]}><Input maxLength={20} /></Form.Item></Col>
            <Col xs={16} md={7}><Form.Item label="起点" name="fromStop" rules={[{ required: true, message: '请输入起点' }]}><Input maxLength={40} /></Form.Item></Col>
            <Col xs={16} md={7}><Form.Item label="终点" name="toStop" rules={[{ required: true, message: '请输入终点' }]}><Input maxLength={40} /></Form.Item></Col>
            <Col xs={8} md={6}><Form.Item label="双向对开" name="bidirectional" valuePropName="checked"><Switch /></Form.Item></Col>
            <Col xs={12} md={6}><Form.Item label="首班" name="firstDeparture" rules={[{ required: true, message: '请输入首班时间' }, HHMM]}><Input placeholder="06:30" /></Form.Item></Col>
            <Col xs={12} md={6}><Form.Item label="末班" name="lastDeparture" rules={[{ required: true, message: '请输入末班时间' }, HHMM]}><Input placeholder="20:00" /></Form.Item></Col>
            <Col xs={24} md={12}><Form.Item label="发车方式" name="mode"><Radio.Group options={[{ value: 'headway', label: '按间隔' }, { value: 'list', label: '按时刻表' }]} /></Form.Item></Col>
            {mode !== 'list' ? (
              <>
                <Col xs={12} md={6}><Form.Item label="最短间隔" name="headwayMin" rules={[{ required: true, message: '请输入' }]}><InputNumber min={1} max={240} suffix="分钟" style={{ width: '100%' }} /></Form.Item></Col>
                <Col xs={12} md={6}><Form.Item label="最长间隔" name="headwayMax" rules={[{ required: true, message: '请输入' }]}><InputNumber min={1} max={240} suffix="分钟" style={{ width: '100%' }} /></Form.Item></Col>
              </>
            ) : (
              <Col span={24}><Form.Item label="发车时刻" name="departures" rules={[{ required: true, message: '请输入发车时刻' }]} extra="输入后回车，如 07:00"><Select mode="tags" tokenSeparators={[',', '，', ' ']} /></Form.Item></Col>
            )}
            <Col xs={24} md={12}><Form.Item label="途经" name="via"><Input maxLength={300} /></Form.Item></Col>
            <Col xs={12} md={6}><Form.Item label="票价" name="fare"><Input maxLength={40} /></Form.Item></Col>
            <Col xs={12} md={6}><Form.Item label="运营单位" name="operator"><Input maxLength={60} /></Form.Item></Col>
            <Col span={24}><Form.Item label="说明（公开）" name="note"><Input.TextArea rows={2} maxLength={500} /></Form.Item></Col>
            <Col span={24}><Form.Item label="内部备注（不公开）" name="internalNote"><Input.TextArea rows={2} maxLength={1000} /></Form.Item></Col>
            <Col xs={12}><Form.Item label="排序" name="sortOrder"><InputNumber min={0} /></Form.Item></Col>
            <Col xs={12}><Form.Item label="公开" name="isPublic" valuePropName="checked"><Switch /></Form.Item></Col>
          </Row>
        </Form>
      </Modal>
    </>
  );
}
