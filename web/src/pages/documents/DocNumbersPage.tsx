import { useEffect, useMemo, useState } from 'react';
import { App, Alert, Button, Card, Drawer, Empty, Form, Input, InputNumber, Modal, Segmented, Select, Space, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { api, qs } from '../../lib/api';
import { useApiMutation } from '../../lib/useApiMutation';
import { formatInstant } from '../../lib/format';
import ReplyDocumentActions from './ReplyDocumentActions';
import { STATE_COLORS, type DocNumber, type DocNumberState, type PrefixList, type Registry } from './types';
import { ResponsiveTable } from '../../lib/ResponsiveTable';

type Dialog = { kind: 'allocate' } | { kind: 'reserve' } | { kind: 'manual' } | { kind: 'use'; row: DocNumber } | { kind: 'void'; row: DocNumber } | null;
const STATE_FILTERS: Array<{ value: DocNumberState | 'all'; label: string }> = [
  { value: 'all', label: '全部' }, { value: 'allocated', label: '已取号' }, { value: 'reserved', label: '预留' }, { value: 'manual', label: '手工登记' }, { value: 'voided', label: '已作废' },
];

/** 发文字号登记簿: the numbers of one prefix and year, and taking, reserving, voiding and entering them. */
export default function DocNumbersPage() {
  const { modal } = App.useApp();
  const prefixes = useQuery({ queryKey: ['doc-numbers', 'prefixes'], queryFn: () => api.get<PrefixList>('/api/doc-numbers/prefixes') });
  const [prefix, setPrefix] = useState<string | null>(null);
  const [year, setYear] = useState<number | null>(null);
  const [filter, setFilter] = useState<DocNumberState | 'all'>('all');
  const [q, setQ] = useState('');
  const [dialog, setDialog] = useState<Dialog>(null);
  const [replyOf, setReplyOf] = useState<DocNumber | null>(null);
  const [form] = Form.useForm();

  useEffect(() => {
    if (!prefixes.data) return;
    if (!prefix && prefixes.data.prefixes.length) setPrefix(prefixes.data.prefixes[0].prefix);
    if (!year) setYear(prefixes.data.currentYear);
  }, [prefixes.data, prefix, year]);

  const current = prefixes.data?.prefixes.find((p) => p.prefix === prefix);
  const years = useMemo(() => {
    const cy = prefixes.data?.currentYear ?? new Date().getFullYear();
    const set = new Set<number>([...(current?.years.map((y) => y.year) ?? []), ...Array.from({ length: 6 }, (_, i) => cy - i)]);
    return [...set].sort((a, b) => b - a);
  }, [current, prefixes.data]);

  const registry = useQuery({
    queryKey: ['doc-numbers', prefix, year],
    queryFn: () => api.get<Registry>(`/api/doc-numbers${qs({ prefix, year })}`),
    enabled: !!prefix && !!year,
  });
  const invalidate = [['doc-numbers']];
  const close = () => { setDialog(null); form.resetFields(); };
  const done = (title: string, numbers: string[]) => modal.success({ title, content: <Space wrap>{numbers.map((n) => <Tag key={n} color="red" style={{ fontSize: 16, padding: '4px 8px' }}>{n}</Tag>)}</Space> });

  const allocate = useApiMutation((v: { title: string; note?: string }) => api.post<DocNumber>('/api/doc-numbers/allocate', { prefix, year, ...v }), {
    invalidate, onSuccess: (r) => { close(); done('已取号', [r.number]); },
  });
  const reserve = useApiMutation((v: { count: number; note?: string }) => api.post<DocNumber[]>('/api/doc-numbers/reserve', { prefix, year, ...v }), {
    invalidate, onSuccess: (r) => { close(); done(`已预留 ${r.length} 个号`, r.map((n) => n.number)); },
  });
  const manual = useApiMutation((v: { number: string; title: string; note?: string }) => api.post<DocNumber>('/api/doc-numbers/manual', v), {
    invalidate, onSuccess: (r) => { close(); done('已登记', [r.number]); if (r.prefix === prefix) setYear(r.year); },
  });
  const use = useApiMutation((v: { row: DocNumber; title: string }) => api.post<DocNumber>(`/api/doc-numbers/${v.row.id}/use`, { version: v.row.version, title: v.title }), {
    invalidate, success: '已启用预留号', onSuccess: close,
  });
  const voidIt = useApiMutation((v: { row: DocNumber; reason: string }) => api.post<DocNumber>(`/api/doc-numbers/${v.row.id}/void`, { version: v.row.version, reason: v.reason }), {
    invalidate, success: '已作废，该号码不再使用', onSuccess: close,
  });

  const submit = async () => {
    const v = await form.validateFields();
    if (dialog?.kind === 'allocate') allocate.mutate(v);
    else if (dialog?.kind === 'reserve') reserve.mutate(v);
    else if (dialog?.kind === 'manual') manual.mutate(v);
    else if (dialog?.kind === 'use') use.mutate({ row: dialog.row, title: v.title });
    else if (dialog?.kind === 'void') voidIt.mutate({ row: dialog.row, reason: v.reason });
  };
  const pending = allocate.isPending || reserve.isPending || manual.isPending || use.isPending || voidIt.isPending;

  const data = registry.data;
  const rows = (data?.items ?? []).filter((r) => (filter === 'all' || r.state === filter) && (!q.trim() || `${r.number}${r.title ?? ''}${r.note ?? ''}`.includes(q.trim())));
  const canManage = !!data?.canManage;

  if (prefixes.data && prefixes.data.prefixes.length === 0) {
    return <Card title="发文字号"><Empty description="本单位尚未设置发文字号前缀，请联系系统管理员在“单位”中设置" /></Card>;
  }

  return (
    <Card
      title="发文字号登记簿"
      extra={canManage && (
        <Space wrap>
          <Button type="primary" data-testid="allocate" onClick={() => setDialog({ kind: 'allocate' })}>取号</Button>
          <Button onClick={() => setDialog({ kind: 'reserve' })}>预留</Button>
          <Button onClick={() => { setDialog({ kind: 'manual' }); form.setFieldsValue({ number: `${prefix ?? ''}〔${year ?? ''}〕` }); }}>手工登记</Button>
        </Space>
      )}
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          aria-label="发文字号前缀" style={{ minWidth: 240 }} value={prefix ?? undefined} loading={prefixes.isLoading} onChange={setPrefix}
          options={prefixes.data?.prefixes.map((p) => ({ value: p.prefix, label: `${p.prefix}${p.units.length ? `（${p.units.map((u) => u.name).join('、')}）` : '（历史）'}` }))}
        />
        <Select aria-label="年份" style={{ width: 110 }} value={year ?? undefined} onChange={setYear} options={years.map((y) => ({ value: y, label: `${y}年` }))} />
        <Segmented value={filter} onChange={(v) => setFilter(v as DocNumberState | 'all')} options={STATE_FILTERS.map((f) => ({ value: f.value, label: f.label + (f.value !== 'all' && data ? ` ${data.counts[f.value] ?? 0}` : '') }))} />
        <Input.Search allowClear placeholder="按文号、标题、备注查找" onSearch={setQ} onChange={(e) => !e.target.value && setQ('')} style={{ width: 220 }} />
      </Space>
      {data && (
        <Alert
          type="info" showIcon style={{ marginBottom: 16 }}
          title={<span>下一个号：<Typography.Text strong data-testid="next-number">{data.nextNumber}</Typography.Text>　共 {data.items.length} 个号，已作废的号码保留在册、不再使用。</span>}
        />
      )}
      <ResponsiveTable<DocNumber>
        rowKey="id" size="middle" loading={registry.isLoading} dataSource={rows} pagination={{ pageSize: 20, hideOnSinglePage: true }} scroll={{ x: 900 }}
        locale={{ emptyText: <Empty description="本年度尚无号码" /> }}
        columns={[
          { title: '发文字号', dataIndex: 'number', width: 190, render: (v, r) => <Typography.Text delete={r.state === 'voided'} strong>{v}</Typography.Text> },
          { title: '状态', dataIndex: 'state', width: 100, render: (s: DocNumberState, r) => <Tag color={STATE_COLORS[s]}>{r.stateLabel}</Tag> },
          {
            title: '文件标题', dataIndex: 'title',
            render: (t, r) => (
              <Space orientation="vertical" size={0}>
                <span>{t ?? <Typography.Text type="secondary">（未使用）</Typography.Text>}</span>
                {r.note && <Typography.Text type="secondary" style={{ fontSize: 12 }}>备注：{r.note}</Typography.Text>}
                {r.voidReason && <Typography.Text type="danger" style={{ fontSize: 12 }}>作废原因：{r.voidReason}（{r.voidedByName}，{formatInstant(r.voidedAt)}）</Typography.Text>}
              </Space>
            ),
          },
          { title: '单位', dataIndex: 'orgUnitName', width: 170, render: (v) => v ?? '—' },
          { title: '登记', key: 'who', width: 200, render: (_, r) => <span style={{ fontSize: 12 }}>{r.createdByName}<br />{formatInstant(r.createdAt)}</span> },
          {
            title: '操作', key: 'ops', width: 170, fixed: 'right',
            render: (_, r) => (
              <Space size={4} wrap>
                {r.refType === 'reply' && r.refId && r.state !== 'voided' && <a onClick={() => setReplyOf(r)}>答复件</a>}
                {canManage && r.state === 'reserved' && <a onClick={() => { setDialog({ kind: 'use', row: r }); form.resetFields(); }}>启用</a>}
                {canManage && r.state !== 'voided' && <a style={{ color: '#cf1322' }} onClick={() => { setDialog({ kind: 'void', row: r }); form.resetFields(); }}>作废</a>}
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={!!dialog} onCancel={close} onOk={() => void submit()} confirmLoading={pending} destroyOnHidden
        title={dialog?.kind === 'allocate' ? `取号：${data?.nextNumber ?? ''}` : dialog?.kind === 'reserve' ? `预留 ${prefix}〔${year}〕的号码` : dialog?.kind === 'manual' ? '手工登记历史文号' : dialog?.kind === 'use' ? `启用预留号 ${dialog.row.number}` : dialog?.kind === 'void' ? `作废 ${dialog.row.number}` : ''}
        okText={dialog?.kind === 'void' ? '作废' : '确定'} okButtonProps={{ danger: dialog?.kind === 'void' }}
      >
        <Form form={form} layout="vertical" preserve={false}>
          {dialog?.kind === 'manual' && (
            <Form.Item label="发文字号" name="number" rules={[{ required: true, message: '请填写发文字号' }]} extra="任意括号写法均可（[ ]、（ ）、【 】、第…号），保存为标准式样，如 高工信发〔2023〕12号；已登记或已作废的号码不能再登记">
              <Input maxLength={40} />
            </Form.Item>
          )}
          {dialog?.kind === 'reserve' && (
            <Form.Item label="预留数量" name="count" initialValue={1} rules={[{ required: true, message: '请填写数量' }]}>
              <InputNumber min={1} max={20} />
            </Form.Item>
          )}
          {(dialog?.kind === 'allocate' || dialog?.kind === 'manual' || dialog?.kind === 'use') && (
            <Form.Item label="文件标题" name="title" rules={[{ required: true, min: 2, message: '请填写文件标题（至少 2 个字）' }]}>
              <Input maxLength={200} placeholder="如：关于开展企业走访活动的通知" />
            </Form.Item>
          )}
          {(dialog?.kind === 'allocate' || dialog?.kind === 'manual' || dialog?.kind === 'reserve') && (
            <Form.Item label="备注" name="note"><Input maxLength={200} /></Form.Item>
          )}
          {dialog?.kind === 'void' && (
            <>
              <Alert type="warning" showIcon style={{ marginBottom: 12 }} title="作废后该号码保留在登记簿中，永不再使用。已随答复发出的号码不能作废。" />
              <Form.Item label="作废原因" name="reason" rules={[{ required: true, min: 2, message: '请填写作废原因（至少 2 个字）' }]}>
                <Input.TextArea maxLength={200} autoSize={{ minRows: 2 }} />
              </Form.Item>
            </>
          )}
        </Form>
      </Modal>
      <Drawer open={!!replyOf} onClose={() => setReplyOf(null)} title="答复件" size={600} destroyOnHidden>
        {replyOf?.refId && (
          <>
            <Typography.Paragraph strong>{replyOf.title}</Typography.Paragraph>
            <ReplyDocumentActions replyId={replyOf.refId} />
          </>
        )}
      </Drawer>
    </Card>
  );
}
