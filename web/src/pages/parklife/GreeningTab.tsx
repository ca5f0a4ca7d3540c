import { useState } from 'react';
import { Button, Card, DatePicker, Empty, Form, Input, InputNumber, Modal, Progress, Space, Statistic, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { api } from '../../lib/api';
import { useApiMutation } from '../../lib/useApiMutation';
import { formatDateCn } from '../../lib/format';
import type { GreeningEntry, GreeningYear } from './types';
import { RowActions, useListEditor } from './editing';

/** A yearly greening target against dated entries of what was planted. */
export function GreeningTab({ years, canEdit, today }: { years: GreeningYear[]; canEdit: boolean; today: string }) {
  const [target, setTarget] = useState<GreeningYear | 'new' | null>(null);
  const [entry, setEntry] = useState<{ year: number; row: GreeningEntry | null } | null>(null);
  const [form] = Form.useForm();
  const putYear = useApiMutation((v: { year: number; body: Record<string, unknown> }) => api.put(`/api/parklife/greening/${v.year}`, v.body), {
    invalidate: [['parklife']], success: '目标已保存', onSuccess: () => setTarget(null),
  });
  const addEntry = useApiMutation((v: { year: number; body: Record<string, unknown> }) => api.post(`/api/parklife/greening/${v.year}/entries`, v.body), {
    invalidate: [['parklife']], success: '已登记', onSuccess: () => setEntry(null),
  });
  const { save, remove } = useListEditor<GreeningEntry>('/api/parklife/greening-entries', () => setEntry(null));

  const openTarget = (y: GreeningYear | 'new') => {
    setTarget(y);
    form.setFieldsValue(y === 'new' ? { year: dayjs().year(), targetM2: 35000, note: '' } : { year: y.year, targetM2: y.targetM2, note: y.note });
  };
  const openEntry = (year: number, row: GreeningEntry | null) => {
    setEntry({ year, row });
    form.setFieldsValue(row ? { entryDate: dayjs(row.entryDate), areaM2: row.areaM2, place: row.place, description: row.description } : { entryDate: dayjs(), areaM2: null, place: '', description: '' });
  };
  const submitTarget = async () => {
    const v = await form.validateFields(['year', 'targetM2', 'note']);
    const cur = target === 'new' ? years.find((y) => y.year === v.year) : (target as GreeningYear);
    putYear.mutate({ year: v.year, body: { targetM2: v.targetM2, note: v.note ?? '', ...(cur ? { version: cur.version } : {}) } });
  };
  const submitEntry = async () => {
    const v = await form.validateFields(['entryDate', 'areaM2', 'place', 'description']);
    const body = { entryDate: (v.entryDate as dayjs.Dayjs).format('YYYY-MM-DD'), areaM2: v.areaM2, place: v.place, description: v.description ?? '' };
    if (entry!.row) save.mutate({ row: entry!.row, body });
    else addEntry.mutate({ year: entry!.year, body });
  };

  return (
    <>
      {canEdit && <Button type="primary" style={{ marginBottom: 12 }} onClick={() => openTarget('new')}>设定年度目标</Button>}
      {years.length === 0 && <Empty description="尚未设定绿化目标" />}
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        {years.map((y) => (
          <Card key={y.year} size="small" data-testid="greening-year"
            title={<Space>{`${y.year} 年绿化`}{y.percent >= 100 ? <Tag color="green">已完成年度目标</Tag> : y.year < Number(today.slice(0, 4)) ? <Tag color="red">年度目标未完成</Tag> : null}</Space>}
            extra={canEdit && <Space><a onClick={() => openEntry(y.year, null)}>登记完成面积</a><a onClick={() => openTarget(y)}>修改目标</a></Space>}>
            <Space size="large" wrap>
              <Statistic title="年度目标" value={y.targetM2} suffix="m²" />
              <Statistic title="已完成" value={y.achievedM2} suffix="m²" />
              <div style={{ width: 240 }}><Progress percent={Math.min(100, y.percent)} format={() => `${y.percent}%`} status={y.percent >= 100 ? 'success' : 'active'} /></div>
            </Space>
            {y.note && <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>{y.note}</Typography.Paragraph>}
            <Table<GreeningEntry>
              rowKey="id" size="small" pagination={false} dataSource={y.entries}
              columns={[
                { title: '日期', dataIndex: 'entryDate', render: formatDateCn },
                { title: '面积', dataIndex: 'areaM2', render: (v) => `${v.toLocaleString('zh-CN')} m²` },
                { title: '地点', dataIndex: 'place' },
                { title: '说明', dataIndex: 'description' },
                ...(canEdit ? [{ title: '操作', key: 'ops', render: (_: unknown, e: GreeningEntry) => <RowActions row={e} onEdit={(r) => openEntry(y.year, r)} remove={remove} what="此记录" /> }] : []),
              ]}
            />
          </Card>
        ))}
      </Space>
      <Modal open={!!target} title="年度绿化目标" onCancel={() => setTarget(null)} onOk={submitTarget} okText="保存" confirmLoading={putYear.isPending} destroyOnHidden>
        <Form form={form} layout="vertical">
          <Form.Item label="年度" name="year" rules={[{ required: true }]}><InputNumber min={2000} max={2100} disabled={target !== 'new'} /></Form.Item>
          <Form.Item label="目标面积" name="targetM2" rules={[{ required: true, message: '请输入目标面积' }]}><InputNumber min={1} suffix="m²" style={{ width: '100%' }} /></Form.Item>
          <Form.Item label="说明（公开）" name="note"><Input.TextArea rows={2} maxLength={500} /></Form.Item>
        </Form>
      </Modal>
      <Modal open={!!entry} title={entry?.row ? '修改绿化记录' : `登记 ${entry?.year ?? ''} 年绿化完成面积`} onCancel={() => setEntry(null)} onOk={submitEntry} okText="保存" confirmLoading={addEntry.isPending || save.isPending} destroyOnHidden>
        <Form form={form} layout="vertical">
          <Form.Item label="完成日期" name="entryDate" rules={[{ required: true, message: '请选择日期' }]}><DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day') || (!!entry && d.year() !== entry.year)} /></Form.Item>
          <Form.Item label="面积" name="areaM2" rules={[{ required: true, message: '请输入面积' }]}><InputNumber min={1} suffix="m²" style={{ width: '100%' }} /></Form.Item>
          <Form.Item label="地点" name="place" rules={[{ required: true, message: '请输入地点' }]}><Input maxLength={80} /></Form.Item>
          <Form.Item label="说明" name="description"><Input.TextArea rows={2} maxLength={500} /></Form.Item>
        </Form>
      </Modal>
    </>
  );
}
