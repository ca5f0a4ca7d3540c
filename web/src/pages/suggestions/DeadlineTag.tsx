import { Tag } from 'antd';
import type { DeadlineClock } from './types';

const COLORS = { normal: 'green', due_soon: 'orange', overdue: 'red' } as const;

/** 剩余 5 个工作日 / 今日到期 / 逾期 3 个工作日, coloured by status (the text already says which). */
export function DeadlineTag({ clock }: { clock: DeadlineClock }) {
  return <Tag color={COLORS[clock.status]} data-testid="deadline-tag">{clock.status === 'due_soon' && !clock.text.includes('今日') ? `临期 · ${clock.text}` : clock.text}</Tag>;
}
