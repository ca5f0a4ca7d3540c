import { Empty, Progress, Space, Tag, Timeline, Tooltip, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';
import { formatDateCn, formatInstant } from '../../lib/format';
import type { HistoryItem, OrgUnit, ProjectOption, PromiseClock, PromiseView } from './types';

/** Query keys: every promise mutation refreshes `['promises']`, which covers them all. */
export const pkeys = {
  all: ['promises'] as const,
  ledger: (params: object) => ['promises', 'ledger', params] as const,
  summary: (params: object) => ['promises', 'summary', params] as const,
  detail: (id: string) => ['promises', 'detail', id] as const,
  reply: (id: string) => ['promises', 'reply', id] as const,
  toRate: (all: boolean) => ['promises', 'to-rate', all] as const,
  dashboard: ['promises', 'dashboard'] as const,
  suggestion: (id: string) => ['promises', 'suggestion', id] as const,
  project: (id: string) => ['promises', 'project', id] as const,
};

export const useOrgUnits = () => useQuery({ queryKey: ['org-units'], queryFn: () => api.get<OrgUnit[]>('/api/org-units'), staleTime: 5 * 60_000 });
export const useProjectOptions = () => useQuery({ queryKey: ['projects', 'options'], queryFn: () => api.get<ProjectOption[]>('/api/projects/options'), staleTime: 5 * 60_000 });

/** Units that can own a promise (not the organizers' offices, not enterprises). */
const OWNER_KINDS = new Set(['bureau', 'zone', 'company', 'office', 'other']);
export const ownerOptions = (units: OrgUnit[] | undefined) => (units ?? []).filter((u) => OWNER_KINDS.has(u.kind)).map((u) => ({ value: u.id, label: u.name }));

const STATUS_COLORS: Record<string, string> = { planned: 'default', in_progress: 'processing', done: 'success', slipped: 'warning', dropped: 'error' };
export function StatusTag({ p }: { p: Pick<PromiseView, 'status' | 'statusLabel'> }) {
  return <Tag color={STATUS_COLORS[p.status]} data-testid="promise-status">{p.statusLabel}</Tag>;
}

const CLOCK_COLORS: Record<PromiseClock, string> = {
  overdue: 'red', due_today: 'volcano', due_soon: 'orange', on_track: 'green', open_ended: 'gold', closed: 'default', unconfirmed: 'blue',
};
/** 已逾期 N 天 / N 天后到期 / 无明确时限: derived from the date on the day it is read. */
export function ClockTag({ p }: { p: Pick<PromiseView, 'clock' | 'clockLabel' | 'daysLeft'> }) {
  // Open-ended promises say so where the date would be (DueText); unconfirmed ones carry their own tag.
  if (p.clock === 'closed' || p.clock === 'unconfirmed' || p.clock === 'open_ended') return null;
  let text = p.clockLabel;
  if (p.clock === 'overdue' && p.daysLeft !== null) text = `已逾期 ${-p.daysLeft} 天`;
  if (p.clock === 'due_soon' && p.daysLeft !== null) text = `${p.daysLeft} 天后到期`;
  if (p.clock === 'on_track') return null;
  return <Tag color={CLOCK_COLORS[p.clock]} data-testid="promise-clock">{text}</Tag>;
}

export function DueText({ p }: { p: Pick<PromiseView, 'due' | 'originalDue' | 'dueRule' | 'openEnded'> }) {
  if (!p.due) return <Tag color="gold">无明确时限</Tag>;
  return (
    <Space size={4} wrap>
      <Tooltip title={p.dueRule ?? undefined}><span>{formatDateCn(p.due)}</span></Tooltip>
      {p.originalDue && p.originalDue !== p.due && <Typography.Text type="secondary" delete style={{ fontSize: 12 }}>{formatDateCn(p.originalDue)}</Typography.Text>}
    </Space>
  );
}

const DELIVERY_COLORS: Record<string, string> = { kept: 'green', partly: 'orange', not_kept: 'red' };
/** 落实评价: the deputies' latest ratings. */
export function DeliveryTag({ d }: { d: PromiseView['delivery'] }) {
  const n = d.kept + d.partly + d.notKept;
  if (!n) return d.rateable ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>待代表评价</Typography.Text> : <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Tooltip title={`兑现 ${d.kept} · 部分兑现 ${d.partly} · 未兑现 ${d.notKept}（共 ${d.expected} 名代表）`}>
      <Tag color={DELIVERY_COLORS[d.verdict ?? 'partly']}>{d.verdictLabel}（{n}/{d.expected}）</Tag>
    </Tooltip>
  );
}

export function ProgressBar({ p }: { p: Pick<PromiseView, 'progress' | 'status'> }) {
  const status = p.status === 'done' ? 'success' : p.status === 'dropped' ? 'exception' : 'active';
  return <Progress percent={p.progress} size="small" status={status} style={{ minWidth: 90, margin: 0 }} />;
}

export function TargetText({ p }: { p: Pick<PromiseView, 'target' | 'achievedValue' | 'targetMet'> }) {
  if (!p.target) return <>—</>;
  return (
    <Space size={4} wrap>
      <span>{p.target.text}</span>
      {p.achievedValue !== null && (
        <Tag color={p.targetMet ? 'green' : 'default'}>已完成 {p.achievedValue.toLocaleString('en-US')}{p.target.unit ? ` ${p.target.unit}` : ''}</Tag>
      )}
    </Space>
  );
}

export function DemoTag({ on }: { on: boolean }) {
  return on ? <Tooltip title="演示数据：答复原文真实，之后的进展、佐证和评价为虚构"><Tag>演示数据</Tag></Tooltip> : null;
}

/** The history of a promise, newest first: who changed what from what to what. */
export function HistoryTimeline({ items }: { items: HistoryItem[] }) {
  if (!items.length) return <Empty description="暂无记录" image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  return (
    <Timeline
      data-testid="promise-history"
      items={items.map((h) => ({
        key: h.id,
        color: h.kind === 'status' ? 'blue' : h.kind === 'rated' ? 'purple' : h.kind === 'discarded' ? 'gray' : 'green',
        content: (
          <div>
            <Space size={6} wrap>
              <Typography.Text strong>{h.label}</Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>{formatInstant(h.at)}{h.by ? ` · ${h.by}` : ''}</Typography.Text>
              {h.internal && <Tag style={{ fontSize: 11 }}>仅内部可见</Tag>}
            </Space>
            {h.changes.length > 0 && (
              <ul style={{ margin: '2px 0 0', paddingInlineStart: 18, fontSize: 13 }}>
                {h.changes.map((c) => <li key={c.field}>{c.label}：{c.before ?? '—'} → <b>{c.after ?? '—'}</b></li>)}
              </ul>
            )}
            {h.note && <div style={{ fontSize: 13, color: 'rgba(0,0,0,0.75)', marginTop: 2 }}>{h.note}</div>}
          </div>
        ),
      }))}
    />
  );
}

/** The words of the reply a promise came from, with how its date was read. */
export function SourceWords({ p }: { p: Pick<PromiseView, 'sourceText' | 'dueRule' | 'point' | 'origin'> }) {
  if (!p.sourceText) return <Typography.Text type="secondary" style={{ fontSize: 12 }}>手工登记</Typography.Text>;
  return (
    <div style={{ fontSize: 13 }}>
      <Typography.Text type="secondary">原文{p.point ? `（第${p.point.ordinal}条）` : '（要点之外）'}：</Typography.Text>
      <span style={{ background: '#fffbe6' }} data-testid="source-words">“{p.sourceText}”</span>
      {p.dueRule && <div><Typography.Text type="secondary">时限依据：</Typography.Text>{p.dueRule}</div>}
    </div>
  );
}
