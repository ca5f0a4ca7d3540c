import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { Alert, App, Button, Card, Col, Collapse, DatePicker, Drawer, Empty, Form, Grid, Input, InputNumber, List, Modal, Row, Select, Space, Spin, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { api, ApiError } from '../../lib/api';
import { useApiMutation } from '../../lib/useApiMutation';
import { formatDateCn, formatInstant } from '../../lib/format';
import { ClockTag, DeliveryTag, DemoTag, DueText, ownerOptions, pkeys, ProgressBar, SourceWords, StatusTag, TargetText, useOrgUnits, useProjectOptions } from './components';
import { ReviewDialog } from './dialogs';
import { PromiseDetail } from './PromiseDetail';
import type { PromiseView, ReplyPanel } from './types';

const TRIGGERS: Record<string, string> = { submit: '提交答复时', manual: '手动', job: '每日检查时', demo: '提交答复时' };

export const useReplyPromises = (replyId: string) =>
  useQuery({ queryKey: pkeys.reply(replyId), queryFn: () => api.get<ReplyPanel>(`/api/replies/${replyId}/promises`), enabled: !!replyId });

/**
 * The promises of one reply: the proposals read from its text (with the words they came from and how the
 * date was read) to confirm, edit or discard; the confirmed promises; the discarded ones. For the reply page
 * of the suggestions module and for /promises/reply/:replyId.
 */
export function ReplyPromisesPanel({ replyId }: { replyId: string }) {
  const q = useReplyPromises(replyId);
  const { message, modal } = App.useApp();
  const screens = Grid.useBreakpoint();
  const [reviewing, setReviewing] = useState<PromiseView | null>(null);
  const [adding, setAdding] = useState(false);
  const [open, setOpen] = useState<string | null>(null);

  const extract = useApiMutation(() => api.post<{ proposed: number; skipped: number }>(`/api/replies/${replyId}/promises/extract`), {
    invalidate: [pkeys.all],
    onSuccess: (r) => (r.proposed ? message.success(`已提取 ${r.proposed} 项新的承诺建议，请逐项确认`) : message.info('没有新的承诺可提取（已提取过的原文不会重复提出）')),
  });
  const confirm = useApiMutation((p: PromiseView) => api.post(`/api/promises/${p.id}/confirm`, { version: p.version }), { invalidate: [pkeys.all], success: '已确认' });
  const discard = useApiMutation((v: { p: PromiseView; reason?: string }) => api.post(`/api/promises/${v.p.id}/discard`, { version: v.p.version, reason: v.reason }), { invalidate: [pkeys.all], success: '已舍弃' });
  const restore = useApiMutation((p: PromiseView) => api.post(`/api/promises/${p.id}/restore`, { version: p.version }), { invalidate: [pkeys.all], success: '已恢复为待确认' });

  if (q.isLoading) return <Card><div style={{ padding: 24, textAlign: 'center' }}><Spin /></div></Card>;
  if (q.error || !q.data) return <Alert type="error" showIcon title={(q.error as ApiError | null)?.message ?? '无法加载答复中的承诺'} />;
  const d = q.data;

  const askDiscard = (p: PromiseView) => {
    let reason = '';
    modal.confirm({
      title: '舍弃这项承诺建议？',
      content: (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Text type="secondary">舍弃后不会再被提取，可在“已舍弃”中恢复。</Typography.Text>
          <Input.TextArea placeholder="原因（可选），如：表态性语言，不构成具体承诺" maxLength={500} onChange={(e) => { reason = e.target.value; }} aria-label="舍弃原因" />
        </Space>
      ),
      okText: '舍弃', okButtonProps: { danger: true },
      onOk: () => discard.mutateAsync({ p, reason: reason.trim() || undefined }),
    });
  };

  return (
    <Card title={<Space wrap>答复中的承诺<DemoTag on={d.reply.isDemo} /></Space>} data-testid="reply-promises"
      extra={d.can.propose && (
        <Space wrap>
          <Button onClick={() => extract.mutate(undefined)} loading={extract.isPending} data-testid="extract-promises">从答复中提取承诺</Button>
          <Button onClick={() => setAdding(true)}>新增承诺</Button>
        </Space>
      )}>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        {d.reply.state !== 'submitted' && <Alert type="info" showIcon title="答复提交后，系统会自动从答复正文中提取承诺建议，供本单位确认。" />}
        {d.extraction && (
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            系统{TRIGGERS[d.extraction.trigger] ?? ''}（{formatInstant(d.extraction.ranAt)}）按答复日期 {formatDateCn(d.extraction.replyDate)} 读取了答复正文，提出 {d.extraction.proposed} 项承诺建议。时间词（年底、年内、8月份……）按答复日期推算，请逐项核对。
          </Typography.Text>
        )}

        <div>
          <Typography.Title level={5} style={{ marginTop: 0 }}>待确认（{d.proposals.length}）</Typography.Title>
          {d.proposals.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有待确认的承诺建议" /> : (
            <List dataSource={d.proposals} data-testid="proposals" renderItem={(p) => (
              <List.Item key={p.id} data-testid="proposal"
                actions={p.can.review ? [
                  <Button key="ok" type="primary" size="small" loading={confirm.isPending && confirm.variables?.id === p.id} onClick={() => confirm.mutate(p)}>确认</Button>,
                  <Button key="edit" size="small" onClick={() => setReviewing(p)}>修改后确认</Button>,
                  <Button key="discard" size="small" danger onClick={() => askDiscard(p)}>舍弃</Button>,
                ] : []}>
                <Space orientation="vertical" size={4} style={{ width: '100%' }}>
                  <Space wrap size={6}>
                    <Typography.Text strong>{p.text}</Typography.Text>
                  </Space>
                  <Space wrap size={6}>
                    {p.extractedStatus === 'done' ? <Tag color="green">答复称已完成</Tag> : p.openEnded ? <Tag color="gold">无明确时限</Tag> : <Tag color="blue">时限 {formatDateCn(p.due)}</Tag>}
                    <Tag>责任单位：{p.owner.name}</Tag>
                    {p.target && <Tag>目标：{p.target.text}</Tag>}
                    {p.action && <Tag>动作：{p.action}</Tag>}
                  </Space>
                  <SourceWords p={p} />
                </Space>
              </List.Item>
            )} />
          )}
        </div>

        <div>
          <Typography.Title level={5}>已确认（{d.confirmed.length}）</Typography.Title>
          {d.confirmed.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚无已确认的承诺" /> : (
            <List dataSource={d.confirmed} data-testid="confirmed-promises" renderItem={(p) => (
              <List.Item key={p.id} data-testid="confirmed-promise" actions={[<a key="open" onClick={() => setOpen(p.id)}>详情</a>]}>
                <Row gutter={[8, 4]} style={{ width: '100%' }}>
                  <Col xs={24} md={11}>
                    <Space orientation="vertical" size={2}>
                      <a onClick={() => setOpen(p.id)}>{p.text}</a>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>{p.point ? `第${p.point.ordinal}条 · ` : ''}{p.owner.name}</Typography.Text>
                    </Space>
                  </Col>
                  <Col xs={12} md={5}><Space orientation="vertical" size={2}><DueText p={p} /><ClockTag p={p} /></Space></Col>
                  <Col xs={12} md={3}><StatusTag p={p} /></Col>
                  <Col xs={12} md={3}><ProgressBar p={p} /></Col>
                  <Col xs={12} md={2}><DeliveryTag d={p.delivery} /></Col>
                  {p.target && <Col span={24}><Typography.Text type="secondary" style={{ fontSize: 12 }}>目标：</Typography.Text><TargetText p={p} /></Col>}
                </Row>
              </List.Item>
            )} />
          )}
        </div>

        {d.discarded.length > 0 && (
          <Collapse size="small" items={[{
            key: 'discarded', label: `已舍弃（${d.discarded.length}）`,
            children: (
              <List size="small" dataSource={d.discarded} renderItem={(p) => (
                <List.Item key={p.id} actions={p.can.restore ? [<a key="restore" onClick={() => restore.mutate(p)}>恢复</a>] : []}>
                  <Space orientation="vertical" size={0}>
                    <Typography.Text delete type="secondary">{p.text}</Typography.Text>
                    {p.discardReason && <Typography.Text type="secondary" style={{ fontSize: 12 }}>原因：{p.discardReason}</Typography.Text>}
                  </Space>
                </List.Item>
              )} />
            ),
          }]} />
        )}
      </Space>

      {reviewing && <ReviewDialog p={reviewing} open={!!reviewing} mode="confirm" onClose={() => setReviewing(null)} />}
      <AddPromiseDialog panel={d} open={adding} onClose={() => setAdding(false)} />
      <Drawer open={!!open} onClose={() => setOpen(null)} size={screens.lg ? 980 : '100%'} title="承诺详情" destroyOnHidden>
        {open && <PromiseDetail id={open} />}
      </Drawer>
    </Card>
  );
}

/** A promise the reply makes that the text did not yield: added by the lead unit, confirmed at once. */
function AddPromiseDialog({ panel, open, onClose }: { panel: ReplyPanel; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm();
  const units = useOrgUnits();
  const projects = useProjectOptions();
  useEffect(() => { if (open) form.setFieldsValue({ text: '', pointId: null, ownerOrgId: panel.reply.unitId, due: null, action: '', targetValue: null, targetUnit: '', projectId: null }); }, [open, form, panel.reply.unitId]);
  const save = useApiMutation((v: Record<string, any>) => api.post(`/api/replies/${panel.reply.id}/promises`, {
    text: v.text, pointId: v.pointId ?? null, ownerOrgId: v.ownerOrgId, due: v.due ? v.due.format('YYYY-MM-DD') : null, action: v.action || null,
    target: v.targetValue === null || v.targetValue === undefined ? null : { value: v.targetValue, unit: v.targetUnit ?? '', comparator: '>=' }, projectId: v.projectId ?? null,
  }), { invalidate: [pkeys.all], success: '已新增承诺', onSuccess: onClose });
  return (
    <Modal open={open} title="新增承诺" onCancel={onClose} okText="保存" confirmLoading={save.isPending} onOk={async () => save.mutate(await form.validateFields())} destroyOnHidden width={640}>
      <Form form={form} layout="vertical">
        <Form.Item label="承诺内容" name="text" rules={[{ required: true, min: 4, message: '承诺内容至少 4 个字' }]}><Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={1000} /></Form.Item>
        <Row gutter={12}>
          <Col xs={24} md={12}>
            <Form.Item label="答复要点" name="pointId">
              <Select allowClear placeholder="要点之外" options={panel.points.map((p) => ({ value: p.id, label: `第${p.ordinal}条 ${p.heading ?? ''}` }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label="责任单位" name="ownerOrgId" rules={[{ required: true, message: '请选择责任单位' }]}>
              <Select showSearch optionFilterProp="label" options={ownerOptions(units.data)} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col xs={24} md={8}><Form.Item label="完成时限" name="due"><DatePicker style={{ width: '100%' }} placeholder="无明确时限" disabledDate={(x) => !!panel.reply.replyDate && x.isBefore(dayjs(panel.reply.replyDate), 'day')} /></Form.Item></Col>
          <Col xs={12} md={5}><Form.Item label="目标（不少于）" name="targetValue"><InputNumber min={0} style={{ width: '100%' }} /></Form.Item></Col>
          <Col xs={12} md={4}><Form.Item label="单位" name="targetUnit"><Input maxLength={20} /></Form.Item></Col>
          <Col xs={24} md={7}><Form.Item label="动作" name="action"><Input maxLength={20} placeholder="如：投入运营" /></Form.Item></Col>
        </Row>
        <Form.Item label="关联重点项目" name="projectId">
          <Select allowClear showSearch optionFilterProp="label" placeholder="不关联" options={(projects.data ?? []).map((x) => ({ value: x.id, label: x.name }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** /promises/reply/:replyId — the panel on a page of its own, with the reply it belongs to. */
export function ReplyPromisesHeader({ panel }: { panel: ReplyPanel }) {
  const r = panel.reply;
  return (
    <Card size="small">
      <Space orientation="vertical" size={2}>
        <Typography.Text type="secondary">{r.suggestion.number !== null ? `第${r.suggestion.number}号建议` : '建议'} · 第 {r.round} 轮答复</Typography.Text>
        <Typography.Title level={5} style={{ margin: 0 }}>{r.suggestion.title}</Typography.Title>
        <Space wrap>
          <span>{r.unitName}</span>
          {r.docNumber && <span>{r.docNumber}</span>}
          <span>{formatDateCn(r.replyDate)}</span>
          {r.published ? <Tag color="green">已公开</Tag> : <Tag>未公开</Tag>}
          <Link to={`/suggestions/${r.suggestion.id}`}>查看建议和答复全文</Link>
        </Space>
      </Space>
    </Card>
  );
}
