import { Space, Tag, Tooltip, Typography } from 'antd';
import type { LightResult, NextMilestone, ReasonLevel, StageProgress } from './types';
import { formatDateCn } from '../../lib/format';

export const LIGHT_COLORS = { green: '#389e0d', yellow: '#d48806', red: '#cf1322' } as const;
const LIGHT_TEXT = { green: '绿灯', yellow: '黄灯', red: '红灯' } as const;
const LEVEL_TAG: Record<ReasonLevel, string> = { green: 'green', yellow: 'gold', red: 'red', info: 'blue' };
const LEVEL_TEXT: Record<ReasonLevel, string> = { green: '正常', yellow: '黄灯', red: '红灯', info: '提示' };

export const pct = (n: number | null | undefined) => (n === null || n === undefined ? '—' : `${Number.isInteger(n) ? n : n.toFixed(1)}%`);
export const wan = (n: number | null | undefined) => (n === null || n === undefined ? '—' : `${n.toLocaleString('zh-CN')} 万元`);

/** A coloured dot and its word; the reasons in a tooltip. */
export function LightTag({ light, withTooltip = true }: { light: LightResult; withTooltip?: boolean }) {
  const tag = (
    <span data-testid="light" data-light={light.light} style={{ display: 'inline-flex', alignItems: 'center', gap: 6, whiteSpace: 'nowrap' }}>
      <span style={{ width: 12, height: 12, borderRadius: 6, background: LIGHT_COLORS[light.light], display: 'inline-block', boxShadow: '0 0 0 2px rgba(0,0,0,0.06)' }} />
      <span style={{ color: LIGHT_COLORS[light.light], fontWeight: 600 }}>{LIGHT_TEXT[light.light]}</span>
    </span>
  );
  if (!withTooltip) return tag;
  return <Tooltip title={<LightReasons light={light} dark />}>{tag}</Tooltip>;
}

export function LightReasons({ light, dark }: { light: LightResult; dark?: boolean }) {
  return (
    <Space orientation="vertical" size={4} style={{ width: '100%' }}>
      {light.reasons.map((r, i) => (
        <div key={i} style={{ display: 'flex', gap: 6, alignItems: 'flex-start' }}>
          <Tag color={LEVEL_TAG[r.level]} style={{ marginInlineEnd: 0 }}>{LEVEL_TEXT[r.level]}</Tag>
          <span style={{ color: dark ? '#fff' : undefined }}>{r.text}</span>
        </div>
      ))}
      {light.expectedBasis && <Typography.Text type={dark ? undefined : 'secondary'} style={{ fontSize: 12, color: dark ? 'rgba(255,255,255,0.75)' : undefined }}>序时进度依据：{light.expectedBasis}</Typography.Text>}
    </Space>
  );
}

export function MilestoneText({ m }: { m: NextMilestone | null }) {
  if (!m) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <span>
      {m.name} · {formatDateCn(m.targetDate)}{' '}
      {m.overdue ? <Tag color="red">逾期 {-m.daysLeft} 天</Tag> : <Tag color={m.daysLeft <= 30 ? 'orange' : 'default'}>{m.daysLeft === 0 ? '今日到期' : `还有 ${m.daysLeft} 天`}</Tag>}
    </span>
  );
}

/** The stages of a building side by side, each as wide as its weight, filled to its per cent. */
export function StageBar({ stages, height = 18 }: { stages: StageProgress[]; height?: number }) {
  const total = stages.reduce((s, x) => s + x.weight, 0) || 1;
  return (
    <div style={{ display: 'flex', width: '100%', gap: 2 }} data-testid="stage-bar">
      {stages.map((s) => (
        <Tooltip key={s.key} title={`${s.name}：${s.percent}%${s.asOf ? `（${formatDateCn(s.asOf)}）` : ''} · 权重 ${s.weight}`}>
          <div style={{ flex: `${s.weight / total} 1 0`, minWidth: 18 }}>
            <div style={{ height, background: '#f0f0f0', borderRadius: 3, overflow: 'hidden' }}>
              <div style={{ width: `${s.percent}%`, height: '100%', background: s.percent >= 100 ? '#52c41a' : '#1677ff' }} />
            </div>
            <div style={{ fontSize: 11, color: s.percent > 0 ? 'rgba(0,0,0,0.75)' : 'rgba(0,0,0,0.35)', whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis', marginTop: 2 }}>
              {s.name}{s.percent > 0 && s.percent < 100 ? ` ${s.percent}%` : ''}
            </div>
          </div>
        </Tooltip>
      ))}
    </div>
  );
}
