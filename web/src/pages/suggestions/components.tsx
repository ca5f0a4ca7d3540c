import { Alert, Descriptions, Empty, Grid, List, Popover, Progress, Space, Steps, Tag, Timeline, Typography } from 'antd';
import { STATE_LABELS, type SuggestionState } from '../../../../domain/suggestion-states';
import { formatDateCn, formatInstant } from '../../lib/format';
import { Link } from 'react-router';
import { useSessions } from './data';
import type { DeadlineClock, ExplainedDate, Reply, SuggestionDetail, SuggestionEvent, SuggestionListItem } from './types';

const STATE_COLORS: Record<SuggestionState, string> = {
  draft: 'default',
  submitted: 'blue',
  admitted: 'cyan',
  not_admitted: 'default',
  assigned: 'geekblue',
  return_requested: 'orange',
  in_progress: 'processing',
  awaiting_feedback: 'purple',
  rehandling: 'magenta',
  closed: 'green',
};

export function StateTag({ state, label, round }: { state: SuggestionState; label?: string; round?: number }) {
  const text = label ?? STATE_LABELS[state];
  return <Tag color={STATE_COLORS[state]} data-testid="state-tag">{text}{round && round > 1 && state !== 'closed' ? `（第${round}轮）` : ''}</Tag>;
}

const CLOCK_COLORS = { normal: 'green', due_soon: 'orange', overdue: 'red' } as const;

/** 正常 / 临期 / 逾期 with the working days left or overdue. */
export function ClockTag({ clock, withDate }: { clock: DeadlineClock | null | undefined; withDate?: boolean }) {
  if (!clock) return null;
  return (
    <Tag color={CLOCK_COLORS[clock.status]} data-testid="clock-tag">
      {clock.statusLabel} · {clock.text}{withDate ? `（${formatDateCn(clock.dueDate)}）` : ''}
    </Tag>
  );
}

/** A due date; the computation is shown in a popover, or inline when `inline` is set. */
export function ExplainedDateView({ value, inline }: { value: ExplainedDate | null | undefined; inline?: boolean }) {
  if (!value) return <>—</>;
  const lines = <ExplanationLines lines={value.lines} />;
  if (inline) return <div><Typography.Text strong>{formatDateCn(value.date)}</Typography.Text>{lines}</div>;
  return (
    <Space size={4}>
      <span>{formatDateCn(value.date)}</span>
      {value.lines.length > 0 && <Popover title="期限如何计算" content={<div style={{ maxWidth: 420 }}>{lines}</div>}><a>（计算过程）</a></Popover>}
    </Space>
  );
}

export function ExplanationLines({ lines }: { lines: string[] }) {
  if (!lines.length) return null;
  return (
    <ol style={{ margin: '4px 0 0', paddingInlineStart: 20, color: 'rgba(0,0,0,0.65)', fontSize: 13 }} data-testid="explain-lines">
      {lines.map((l, i) => <li key={i}>{l}</li>)}
    </ol>
  );
}

/** 关于市人大七届六次会议第187号建议的答复 — the title the seed's reply carries. */
export function useReplyTitle(s: Pick<SuggestionDetail, 'sessionId' | 'sessionShortName' | 'number' | 'kind'>) {
  const sessions = useSessions();
  const body = sessions.data?.find((x) => x.id === s.sessionId)?.body ?? '人大';
  return `关于市${body}${s.sessionShortName}会议${s.number ? `第${s.number}号` : ''}${s.kind === '提案' ? '提案' : '建议'}的答复`;
}

export const suggestionNo = (s: Pick<SuggestionListItem, 'number' | 'sessionShortName'>) =>
  s.number ? `${s.sessionShortName}第${s.number}号` : `${s.sessionShortName}（未编号）`;

/** Where the suggestion stands on its main path; 不予立案 and re-handling rounds shown as such. */
export function SuggestionSteps({ s }: { s: Pick<SuggestionDetail, 'state' | 'round' | 'finalSatisfaction'> }) {
  const order: Array<{ title: string; states: SuggestionState[] }> = [
    { title: '提交', states: ['draft'] },
    { title: '立案', states: ['submitted', 'not_admitted'] },
    { title: '交办', states: ['admitted'] },
    { title: '签收', states: ['assigned', 'return_requested'] },
    { title: s.round > 1 ? `答复（第${s.round}轮）` : '答复', states: ['in_progress', 'rehandling'] },
    { title: '代表评价', states: ['awaiting_feedback'] },
    { title: '办结', states: ['closed'] },
  ];
  const current = order.findIndex((o) => o.states.includes(s.state));
  const status = s.state === 'not_admitted' ? 'error' : s.state === 'closed' ? 'finish' : 'process';
  const screens = Grid.useBreakpoint();
  const title = (i: number) => (i === 1 && s.state === 'not_admitted' ? '不予立案' : order[i].title);
  if (screens.md === false) {
    // A phone: one line with the step reached, instead of seven steps stacked.
    const step = Math.max(current, 0);
    return (
      <Space orientation="vertical" size={0} style={{ width: '100%' }} data-testid="steps-compact">
        <Progress percent={Math.round(((step + (status === 'finish' ? 1 : 0.5)) / order.length) * 100)} steps={order.length} showInfo={false} size={[36, 6]} status={status === 'error' ? 'exception' : undefined} />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>第 {step + 1}/{order.length} 步：{title(step)} · {STATE_LABELS[s.state]}</Typography.Text>
      </Space>
    );
  }
  return (
    <Steps
      size="small"
      current={current < 0 ? 0 : current}
      status={status}
      items={order.map((_, i) => ({
        title: title(i),
        content: i === current ? STATE_LABELS[s.state] : undefined,
      }))}
    />
  );
}

/** On a phone, suggestions as a list of small cards instead of a wide table. */
export function SuggestionCards({ items, loading, pagination, extra }: {
  items: SuggestionListItem[] | undefined; loading?: boolean; pagination?: object | false; extra?: (s: SuggestionListItem) => React.ReactNode;
}) {
  return (
    <List loading={loading} dataSource={items} pagination={pagination} locale={{ emptyText: '没有符合条件的建议' }}
      renderItem={(s) => (
        <List.Item data-testid="suggestion-card">
          <Space orientation="vertical" size={4} style={{ width: '100%' }}>
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>{suggestionNo(s)} · {s.leadDeputy.name}{s.signerNames.length > 1 ? ` 等${s.signerNames.length}人` : ''}{s.leadUnit ? ` · ${s.leadUnit.name}` : ''}</Typography.Text>
            <Link to={`/suggestions/${s.id}`} style={{ fontWeight: 500 }}>{s.title}</Link>
            <Space size={4} wrap>
              <StateTag state={s.state} label={s.stateLabel} round={s.round} />
              <ClockTag clock={s.clock} />
              {s.keySupervision && <Tag color="red">重点督办</Tag>}
              {extra?.(s)}
            </Space>
          </Space>
        </List.Item>
      )} />
  );
}

const VISIBILITY_LABEL = { internal: '内部', deputy: '代表可见', public: '公开' } as const;

export function EventTimeline({ events, loading }: { events: SuggestionEvent[] | undefined; loading?: boolean }) {
  if (loading) return <Typography.Text type="secondary">加载中…</Typography.Text>;
  if (!events?.length) return <Empty description="暂无办理记录" image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  return (
    <div data-testid="timeline">
    <Timeline
      items={events.map((e) => ({
        key: e.id,
        color: e.kind.includes('not_admit') || e.kind.includes('dissatisf') || e.kind.includes('reject') ? 'red' : e.kind.includes('close') ? 'green' : 'blue',
        content: (
          <div>
            <Typography.Text strong>{e.label}</Typography.Text>
            {e.visibility === 'internal' && <Tag style={{ marginInlineStart: 6 }} variant="filled">{VISIBILITY_LABEL.internal}</Tag>}
            <div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{formatInstant(e.at)} · {e.actorName}</Typography.Text></div>
            <EventDetail detail={e.detail} />
          </div>
        ),
      }))}
    />
    </div>
  );
}

/** Event details: the server's one-line summary, then any reason or comment given with it. */
function EventDetail({ detail }: { detail: Record<string, unknown> | null }) {
  if (!detail) return null;
  const summary = typeof detail.summary === 'string' ? detail.summary : null;
  const keys = summary ? ['reason', 'note', 'comment', 'decisionNote'] : Object.keys(DETAIL_LABELS);
  const parts = keys
    .filter((k) => DETAIL_LABELS[k] && isShown(detail[k]))
    .map((k) => { const v = detail[k]; return `${DETAIL_LABELS[k]}：${Array.isArray(v) ? v.join('、') : typeof v === 'boolean' ? (v ? '是' : '否') : String(v)}`; });
  if (!summary && !parts.length) return null;
  return (
    <div style={{ fontSize: 13, color: 'rgba(0,0,0,0.65)', whiteSpace: 'pre-wrap' }}>
      {summary}{summary && parts.length ? '。' : ''}{parts.join('；')}
    </div>
  );
}
const isShown = (v: unknown) => v !== null && v !== undefined && v !== '' && (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || Array.isArray(v));

const DETAIL_LABELS: Record<string, string> = {
  reason: '理由', note: '说明', comment: '意见', satisfactionLabel: '评价', satisfaction: '评价', leadUnit: '主办单位', leadUnitName: '主办单位',
  coUnits: '协办单位', coUnitNames: '协办单位', unitName: '单位', replyDue: '答复期限', dueDate: '期限', newDue: '新期限', requestedDue: '申请延至',
  decidedDue: '批准延至', round: '轮次', docNumber: '文号', classCode: '分类', kindLabel: '督办方式', deputyName: '代表', number: '编号',
  metInPerson: '见面沟通', newUnitName: '改交单位', decision: '决定', decisionNote: '说明',
};

/** The submitted reply as the deputy reads it: points, classification, signer, contact. */
export function ReplyDocument({ reply, addressees, title }: { reply: Reply; addressees?: string[]; title?: string }) {
  return (
    <div data-testid={`reply-round-${reply.round}`} style={{ fontSize: 15, lineHeight: 1.9 }}>
      <Descriptions size="small" column={{ xs: 1, sm: 2 }} style={{ marginBottom: 12 }}
        items={[
          { key: 'unit', label: '答复单位', children: reply.unit.name },
          { key: 'doc', label: '文号', children: reply.docNumber ?? '—' },
          { key: 'class', label: '办理结果分类', children: reply.classCode ? <Tag color="red">{reply.classCode}{reply.classLabel ? ` · ${reply.classLabel}` : ''}</Tag> : '—' },
          { key: 'date', label: '答复日期', children: formatDateCn(reply.replyDate ?? reply.submittedAt?.slice(0, 10)) },
          { key: 'signer', label: '签发人', children: reply.signer ?? '—' },
          { key: 'contact', label: '联系人及电话', children: [reply.contactPerson, reply.contactPhone].filter(Boolean).join(' ') || '—' },
        ]} />
      {title && <Typography.Title level={5} style={{ textAlign: 'center' }}>{title}</Typography.Title>}
      {addressees && addressees.length > 0 && <Typography.Paragraph>尊敬的{addressees.join('、')}代表：</Typography.Paragraph>}
      {reply.intro && <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', textIndent: '2em' }}>{reply.intro}</Typography.Paragraph>}
      {reply.points.map((p, i) => (
        <div key={p.id} data-testid="reply-point">
          <Typography.Paragraph strong style={{ marginBottom: 4 }}>
            {cnOrdinal(i + 1)}、{p.heading ?? ''}
            {p.responsibleOrg && <Tag style={{ marginInlineStart: 8, fontWeight: 'normal' }}>责任单位：{p.responsibleOrg.name}</Tag>}
          </Typography.Paragraph>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', textIndent: '2em' }}>{p.text}</Typography.Paragraph>
        </div>
      ))}
      <Typography.Paragraph style={{ textIndent: '2em' }}>{reply.closing}</Typography.Paragraph>
      {reply.state === 'draft' && <Alert type="info" showIcon title="这是尚未提交的答复草稿，代表看不到。" />}
    </div>
  );
}

const CN_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十 (enough for the points of a reply). */
export function cnOrdinal(n: number): string {
  if (n < 10) return CN_DIGITS[n];
  if (n < 20) return `十${n % 10 ? CN_DIGITS[n % 10] : ''}`;
  if (n < 100) return `${CN_DIGITS[Math.floor(n / 10)]}十${n % 10 ? CN_DIGITS[n % 10] : ''}`;
  return String(n);
}
