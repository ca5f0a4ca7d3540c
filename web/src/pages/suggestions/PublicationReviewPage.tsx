import { useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { Alert, App, Button, Card, Col, Descriptions, Empty, Input, Modal, Row, Space, Switch, Table, Tag, Tooltip, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../../lib/api';
import { useApiMutation } from '../../lib/useApiMutation';
import { formatDateCn, formatInstant } from '../../lib/format';
import { ExplanationLines } from './components';
import { DeadlineTag } from './DeadlineTag';
import type { DecisionsBody, PublicationReview, ReviewField, ReviewFinding } from './toolsTypes';

const STATE_COLORS = { draft: 'orange', reviewed: 'blue', published: 'green' } as const;
type Manual = PublicationReview['manual'][number];
const stripId = (m: Manual) => ('phrase' in m ? { phrase: m.phrase } : { field: m.field, start: m.start, end: m.end });

/** One field's text with every finding marked; clicking a mark keeps or hides it; selecting text offers to hide it. */
function FieldText({ field, disabled, onToggle, onSelect }: { field: ReviewField; disabled: boolean; onToggle: (f: ReviewFinding) => void; onSelect: (sel: { field: string; start: number; end: number; text: string } | null) => void }) {
  const ref = useRef<HTMLDivElement>(null);
  const byKey = new Map(field.findings.map((f) => [f.key, f]));
  let at = 0;
  const pieces = field.segments.map((seg, i) => {
    const start = at;
    at += seg.text.length;
    const f = seg.findingKey ? byKey.get(seg.findingKey) : undefined;
    if (!f) return <span key={i} data-start={start}>{seg.text}</span>;
    const hidden = !f.kept;
    return (
      <Tooltip key={i} title={hidden ? `${f.kindLabel}：将显示为“${f.replacement}”，点击改为保留` : `${f.kindLabel}：已保留原文，点击改为隐去`}>
        <span
          data-start={start} data-testid="finding-mark" data-kept={f.kept ? '1' : '0'}
          onClick={() => !disabled && onToggle(f)}
          style={{
            cursor: disabled ? 'default' : 'pointer', padding: '0 2px', borderRadius: 3,
            background: hidden ? '#fff1f0' : '#f6ffed', borderBottom: hidden ? '2px solid #ff4d4f' : '2px dotted #52c41a',
            textDecoration: hidden ? 'line-through' : 'none',
          }}
        >{seg.text}</span>
      </Tooltip>
    );
  });
  const readSelection = () => {
    const sel = window.getSelection();
    if (!sel || sel.isCollapsed || !ref.current) return onSelect(null);
    const pos = (node: Node | null, offset: number) => {
      const el = (node?.nodeType === Node.TEXT_NODE ? node.parentElement : (node as Element | null))?.closest('[data-start]') as HTMLElement | null;
      if (!el || !ref.current!.contains(el)) return null;
      return Number(el.dataset.start) + (node?.nodeType === Node.TEXT_NODE ? offset : 0);
    };
    const a = pos(sel.anchorNode, sel.anchorOffset);
    const b = pos(sel.focusNode, sel.focusOffset);
    if (a === null || b === null || a === b) return onSelect(null);
    const [start, end] = a < b ? [a, b] : [b, a];
    onSelect({ field: field.key, start, end, text: field.text.slice(start, end) });
  };
  return <div ref={ref} onMouseUp={readSelection} style={{ whiteSpace: 'pre-wrap', lineHeight: 1.9 }} data-field={field.key}>{pieces}</div>;
}

/** The redaction review of one reply: findings, keep/hide, manual additions, review, publish, take down. */
export default function PublicationReviewPage() {
  const { replyId = '' } = useParams();
  const qc = useQueryClient();
  const { modal } = App.useApp();
  const key = ['suggestions', 'publication', 'review', replyId];
  const q = useQuery({ queryKey: key, queryFn: () => api.get<PublicationReview>(`/api/publication/replies/${replyId}`) });
  const r = q.data;
  const [selection, setSelection] = useState<{ field: string; start: number; end: number; text: string } | null>(null);
  const [phrase, setPhrase] = useState('');
  const [reason, setReason] = useState('');
  const [unpublishing, setUnpublishing] = useState(false);
  const done = (next: PublicationReview) => { qc.setQueryData(key, next); void qc.invalidateQueries({ queryKey: ['suggestions', 'publication'], exact: false, predicate: (x) => x.queryKey[2] !== 'review' }); };
  const save = useApiMutation((b: DecisionsBody) => api.put<PublicationReview>(`/api/publication/replies/${replyId}/decisions`, b), { onSuccess: done });
  const review = useApiMutation(() => api.post<PublicationReview>(`/api/publication/replies/${replyId}/review`, { version: r!.version }), { onSuccess: done, success: '已标记为审核通过，可以公开' });
  const publish = useApiMutation(() => api.post<PublicationReview>(`/api/publication/replies/${replyId}/publish`, { version: r!.version }), { onSuccess: done, success: '答复已公开' });
  const unpublish = useApiMutation((why: string) => api.post<PublicationReview>(`/api/publication/replies/${replyId}/unpublish`, { version: r!.version, reason: why }), {
    onSuccess: (x) => { done(x); setUnpublishing(false); setReason(''); }, success: '已撤回公开',
  });

  if (q.isError) return <Alert type="error" showIcon message={q.error instanceof ApiError ? q.error.message : '加载失败'} />;
  if (!r) return <Card loading />;
  const published = r.publicationState === 'published';
  const allFindings = r.fields.flatMap((f) => f.findings.map((x) => ({ ...x, fieldLabel: f.label, fieldKey: f.key })));
  const keep = allFindings.filter((f) => f.source === 'auto' && f.kept).map((f) => f.key);
  const manual = r.manual.map(stripId);
  const send = (b: { keep?: string[]; manual?: DecisionsBody['manual'] }) => save.mutate({ version: r.version, keep: b.keep ?? keep, manual: b.manual ?? manual });
  const toggle = (f: ReviewFinding) => {
    if (f.source === 'auto') send({ keep: f.kept ? keep.filter((k) => k !== f.key) : [...keep, f.key] });
    else send({ manual: r.manual.filter((m) => m.id !== f.manualId).map(stripId) });
  };
  const busy = save.isPending || review.isPending || publish.isPending;
  const hiddenCount = allFindings.filter((f) => !f.kept).length;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={<Space wrap><span>公开审核：{r.title}</span><Tag color={STATE_COLORS[r.publicationState]} data-testid="publication-state">{r.publicationStateLabel}</Tag></Space>}
        extra={<Link to="/suggestions/publication">返回列表</Link>}
      >
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label="建议"><Link to={`/suggestions/${r.suggestionId}`}>{r.sessionName}{r.suggestionNumber ? ` 第${r.suggestionNumber}号` : ''}</Link></Descriptions.Item>
          <Descriptions.Item label="承办单位">{r.unitName}</Descriptions.Item>
          <Descriptions.Item label="文号">{r.docNumber ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="答复提交">{formatInstant(r.submittedAt)}</Descriptions.Item>
          <Descriptions.Item label="公开期限">
            {r.deadline?.dueDate ? (
              <Tooltip title={<ExplanationLines lines={r.deadline.lines} />}>
                <Space size={4}>{formatDateCn(r.deadline.dueDate)}{r.deadline.clock && <DeadlineTag clock={r.deadline.clock} />}</Space>
              </Tooltip>
            ) : r.deadline?.lines[0] ?? '—'}
          </Descriptions.Item>
          <Descriptions.Item label="单位办公电话">{r.officialPhone ?? '未登记'}（不隐去）</Descriptions.Item>
        </Descriptions>
        {r.withdrawn && <Alert style={{ marginTop: 12 }} type="warning" showIcon message={`${formatInstant(r.withdrawn.at)} ${r.withdrawn.by} 撤回了公开：${r.withdrawn.reason}`} />}
        <Space wrap style={{ marginTop: 16 }}>
          {r.publicationState === 'draft' && (
            <Tooltip title={`按当前选择，公开时隐去 ${hiddenCount} 处个人信息`}>
              <Button type="primary" loading={review.isPending} disabled={busy} onClick={() => review.mutate(undefined)} data-testid="mark-reviewed">标记为已审核</Button>
            </Tooltip>
          )}
          {r.publicationState === 'reviewed' && (
            <Button
              type="primary" loading={publish.isPending} disabled={busy} data-testid="publish"
              onClick={() => modal.confirm({ title: '公开这份答复？', content: `公开后，公众可在门户网站阅读隐去个人信息（${hiddenCount} 处）后的答复全文。`, okText: '确认公开', cancelText: '取消', onOk: () => publish.mutateAsync(undefined) })}
            >公开</Button>
          )}
          {published && <Button danger onClick={() => setUnpublishing(true)} data-testid="unpublish">撤回公开</Button>}
          {published && <a href={`/public/replies/${r.replyId}`} target="_blank" rel="noreferrer">在门户中查看</a>}
          {r.publicationState === 'reviewed' && <Typography.Text type="secondary">如再调整隐去内容，需重新审核。</Typography.Text>}
        </Space>
      </Card>

      <Row gutter={16}>
        <Col xs={24} xl={14}>
          <Card title="答复原文（红色为将隐去的个人信息，绿色为保留）" size="small">
            {!published && <Typography.Paragraph type="secondary">点击标记可在“隐去”和“保留”之间切换；用鼠标选中一段文字可将其隐去。</Typography.Paragraph>}
            {selection && !published && (
              <Alert
                style={{ marginBottom: 12 }} type="info" showIcon
                message={<Space wrap>隐去所选文字“{selection.text.length > 30 ? `${selection.text.slice(0, 30)}…` : selection.text}”？
                  <Button size="small" type="primary" data-testid="hide-selection" onClick={() => { send({ manual: [...manual, { field: selection.field, start: selection.start, end: selection.end }] }); setSelection(null); window.getSelection()?.removeAllRanges(); }}>隐去</Button>
                  <Button size="small" onClick={() => setSelection(null)}>取消</Button>
                </Space>}
              />
            )}
            {r.fields.map((f) => (
              <div key={f.key} style={{ marginBottom: 14 }}>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>{f.label}</Typography.Text>
                <FieldText field={f} disabled={published || busy} onToggle={toggle} onSelect={setSelection} />
              </div>
            ))}
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card title={`识别到的个人信息（${allFindings.length} 处）`} size="small" style={{ marginBottom: 16 }}>
            <Table
              size="small" rowKey="key" pagination={false} dataSource={allFindings} data-testid="findings-table"
              locale={{ emptyText: <Empty description="未发现个人联系方式" /> }}
              columns={[
                { title: '类型', dataIndex: 'kindLabel', width: 92, render: (v, f) => <Tag color={f.source === 'manual' ? 'purple' : 'red'}>{v}</Tag> },
                { title: '原文', dataIndex: 'original', render: (v, f) => <Tooltip title={f.fieldLabel}><span>{v}</span></Tooltip> },
                { title: '公开为', dataIndex: 'replacement', render: (v, f) => (f.kept ? <Typography.Text type="secondary">（保留原文）</Typography.Text> : v) },
                { title: '隐去', key: 'on', width: 64, render: (_, f) => <Switch size="small" checked={!f.kept} disabled={published || busy} onChange={() => toggle(f)} /> },
              ]}
            />
            {!published && (
              <Space.Compact style={{ marginTop: 12, width: '100%' }}>
                <Input placeholder="输入要在全文中隐去的文字，如某人姓名" value={phrase} onChange={(e) => setPhrase(e.target.value)} maxLength={100} data-testid="phrase-input" />
                <Button disabled={phrase.trim().length < 2 || busy} onClick={() => { send({ manual: [...manual, { phrase: phrase.trim() }] }); setPhrase(''); }}>隐去</Button>
              </Space.Compact>
            )}
          </Card>
          <Card title={published ? '已公开的文本' : '公开后的文本（预览）'} size="small" data-testid="redacted-preview">
            <Typography.Title level={5} style={{ textAlign: 'center' }}>{r.title}</Typography.Title>
            <Typography.Paragraph>{r.addressee}</Typography.Paragraph>
            {r.fields.filter((f) => f.key !== 'suggestionTitle').map((f) => (
              <Typography.Paragraph key={f.key} style={{ whiteSpace: 'pre-wrap', marginBottom: 8 }}>
                {f.key === 'signer' ? `签发人：${f.redacted}` : f.key === 'contactPerson' ? `联系人：${f.redacted}` : f.key === 'contactPhone' ? `联系电话：${f.redacted}` : f.key.endsWith(':heading') ? <strong>{f.redacted}</strong> : f.redacted}
              </Typography.Paragraph>
            ))}
            <Typography.Paragraph style={{ textAlign: 'right' }}>{r.unitName}<br />{r.replyDate ? formatDateCn(r.replyDate) : ''}</Typography.Paragraph>
          </Card>
        </Col>
      </Row>

      <Modal
        open={unpublishing} title="撤回已公开的答复" okText="撤回" okButtonProps={{ danger: true, disabled: reason.trim().length < 4, loading: unpublish.isPending }} cancelText="取消"
        onCancel={() => setUnpublishing(false)} onOk={() => unpublish.mutate(reason.trim())}
      >
        <Typography.Paragraph>撤回后公众将无法再看到该答复；撤回理由记入办理时间线和审计日志。</Typography.Paragraph>
        <Input.TextArea rows={3} value={reason} onChange={(e) => setReason(e.target.value)} placeholder="例如：发现仍有个人信息需要隐去" maxLength={500} data-testid="unpublish-reason" />
      </Modal>
    </Space>
  );
}
