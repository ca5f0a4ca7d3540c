import { Link } from 'react-router';
import { Card, Col, List, Row, Space, Statistic, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';
import { ClockTag, pkeys } from './components';
import type { Dashboard } from './types';

const useDashboard = () => useQuery({ queryKey: pkeys.dashboard, queryFn: () => api.get<Dashboard>('/api/promises/dashboard') });

function Stat({ title, value, to, color }: { title: string; value: number | undefined; to: string; color?: string }) {
  return (
    <Link to={to} aria-label={`${title} ${value ?? 0}`}>
      <Statistic title={title} value={value ?? 0} styles={{ content: { color: value ? color : undefined } }} />
    </Link>
  );
}

/** Unit and zone staff: the unit's promises overdue or due soon, and proposals waiting to be confirmed. */
export function UnitPromisesCard() {
  const q = useDashboard();
  const d = q.data;
  return (
    <Card title="本单位承诺" loading={q.isLoading} extra={<Link to="/promises">承诺台账</Link>} data-testid="home-unit-promises">
      <Row gutter={16}>
        <Col span={8}><Stat title="已逾期" value={d?.overdue} to="/promises?overdue=1" color="#cf1322" /></Col>
        <Col span={8}><Stat title="30 天内到期" value={d?.dueSoon} to="/promises?dueSoon=1" color="#d46b08" /></Col>
        <Col span={8}><Stat title="待确认" value={d?.proposals} to="/promises?review=proposed" color="#1677ff" /></Col>
      </Row>
      <List size="small" style={{ marginTop: 8 }} dataSource={d?.items ?? []} locale={{ emptyText: '没有逾期或临期的承诺' }}
        renderItem={(p) => (
          <List.Item>
            <Space orientation="vertical" size={0} style={{ width: '100%' }}>
              <Link to={`/promises/${p.id}`}>{p.text}</Link>
              <Space size={4} wrap><ClockTag p={p} /><Typography.Text type="secondary" style={{ fontSize: 12 }}>{p.suggestion.label}</Typography.Text></Space>
            </Space>
          </List.Item>
        )} />
    </Card>
  );
}

/** Deputies: promises of their suggestions waiting for a delivery rating. */
export function DeputyPromisesCard() {
  const q = useDashboard();
  const d = q.data;
  return (
    <Card title="承诺落实评价" loading={q.isLoading} extra={<Link to="/promises/rate">去评价</Link>} data-testid="home-deputy-promises">
      <Row gutter={16}>
        <Col span={8}><Stat title="待评价" value={d?.toRate} to="/promises/rate" color="#1677ff" /></Col>
        <Col span={8}><Stat title="已完成" value={d?.done} to="/promises?status=done" /></Col>
        <Col span={8}><Stat title="已逾期" value={d?.overdue} to="/promises?overdue=1" color="#cf1322" /></Col>
      </Row>
      <List size="small" style={{ marginTop: 8 }} dataSource={d?.toRateItems ?? []} locale={{ emptyText: '没有待评价的承诺' }}
        renderItem={(p) => (
          <List.Item>
            <Space orientation="vertical" size={0}>
              <Link to={`/promises/${p.id}`}>{p.text}</Link>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>{p.suggestion.label} · {p.owner.name} · {p.statusLabel}</Typography.Text>
            </Space>
          </List.Item>
        )} />
    </Card>
  );
}
