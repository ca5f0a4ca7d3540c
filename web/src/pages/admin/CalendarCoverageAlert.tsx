import { Alert } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api } from '../../lib/api';

export interface Coverage { years: number[]; today: string; horizon: string; coversHorizon: boolean; missingYears: number[]; warning: string | null }

export default function CalendarCoverageAlert() {
  const q = useQuery({ queryKey: ['calendar', 'coverage'], queryFn: () => api.get<Coverage>('/api/calendar/coverage') });
  if (!q.data) return null;
  if (q.data.warning) {
    return <Alert type="warning" showIcon data-testid="calendar-warning" title="工作日历即将不足" description={<>{q.data.warning} <Link to="/admin/calendar">前往工作日历</Link></>} />;
  }
  return <Alert type="success" showIcon title={`工作日历已覆盖 ${q.data.years.join('、')} 年，未来 90 天的期限均可计算。`} />;
}
