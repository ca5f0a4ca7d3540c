import { Link } from 'react-router';
import { Badge, Card, Col, List, Row, Space, Statistic, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';
import { formatDateCn } from '../../lib/format';
import { keys } from './data';
import { ClockTag, StateTag, suggestionNo } from './components';
import { nextStep } from './UnitInboxPage';
import type { Dashboard, Inbox, SuggestionListItem, SuggestionPage } from './types';

function Stat({ title, value, to, color }: { title: string; value: number | undefined; to: string; color?: string }) {
  return (
    <Link to={to} aria-label={`${title} ${value ?? 0}`}>
      <Statistic title={title} value={value ?? 0} styles={{ content: { color: value ? color : undefined } }} />
    </Link>
  );
}

function DueList({ items, empty }: { items: SuggestionListItem[]; empty: string }) {
  return (
    <List size="small" dataSource={items.slice(0, 5)} locale={{ emptyText: empty }}
      renderItem={(s) => (
        <List.Item>
          <Space orientation="vertical" size={0} style={{ width: '100%' }}>
            <Link to={`/suggestions/${s.id}`}>{suggestionNo(s)} {s.title}</Link>
            <Space size={4} wrap><ClockTag clock={s.clock} /><Typography.Text type="secondary" style={{ fontSize: 12 }}>{s.leadUnit?.name ?? ''}</Typography.Text></Space>
          </Space>
        </List.Item>
      )} />
  );
}

/** The organizer's at-a-glance card: overdue and due-soon work, with links to the filtered list. */
export function OrganizerSuggestionsCard() {
  const q = useQuery({ queryKey: keys.dashboard(), queryFn: () => api.get<Dashboard>('/api/suggestions-dashboard') });
  const d = q.data;
  return (
    <Card title="建议办理" loading={q.isLoading} extra={<Link to="/suggestions">全部建议</Link>} data-testid="home-suggestions">
      {q.error && <Typography.Text type="danger">{(q.error as Error).message}</Typography.Text>}
      {d && (
        <>
          <Row gutter={[16, 16]}>
            <Col xs={12} sm={6}><Stat title="逾期" value={d.overdue.length} to="/suggestions?clock=overdue" color="#cf1322" /></Col>
            <Col xs={12} sm={6}><Stat title={`临期（${d.dueSoonWorkdays}个工作日内）`} value={d.dueSoon.length} to="/suggestions?clock=due_soon" color="#d46b08" /></Col>
            <Col xs={12} sm={6}><Stat title="待立案" value={d.awaitingAdmission} to="/suggestions?state=submitted" /></Col>
            <Col xs={12} sm={6}><Stat title="重点督办" value={d.keySupervision} to="/suggestions?keySupervision=1" /></Col>
          </Row>
          {(d.pendingReturns.length > 0 || d.pendingExtensions.length > 0 || d.coOpinionsOverdue > 0) && (
            <Space wrap style={{ marginTop: 12 }}>
              {d.pendingReturns.map((r) => <Link key={r.assignment.id} to={`/suggestions/${r.suggestion.id}`}><Tag color="orange">退办待审：{r.assignment.unit.name} · {r.suggestion.number ? `第${r.suggestion.number}号` : r.suggestion.title}</Tag></Link>)}
              {d.pendingExtensions.map((r) => <Link key={r.request.id} to={`/suggestions/${r.suggestion.id}`}><Tag color="orange">延期待审：{r.request.unitName} · {r.suggestion.number ? `第${r.suggestion.number}号` : r.suggestion.title}</Tag></Link>)}
              {d.coOpinionsOverdue > 0 && <Tag color="red">协办意见逾期 {d.coOpinionsOverdue} 件</Tag>}
            </Space>
          )}
          <Row gutter={16} style={{ marginTop: 8 }}>
            <Col xs={24} md={12}><Typography.Text strong>逾期</Typography.Text><DueList items={d.overdue} empty="没有逾期的建议" /></Col>
            <Col xs={24} md={12}><Typography.Text strong>临期</Typography.Text><DueList items={d.dueSoon} empty="没有临期的建议" /></Col>
          </Row>
          <Space wrap size={[4, 4]} style={{ marginTop: 8 }}>
            {d.countsByState.filter((c) => c.count > 0).map((c) => <Link key={c.state} to={`/suggestions?state=${c.state}`}><Tag>{c.label} {c.count}</Tag></Link>)}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>截至 {formatDateCn(d.today)}，共 {d.total} 件</Typography.Text>
          </Space>
        </>
      )}
    </Card>
  );
}

/** The unit's card: what waits for the unit, with its clocks. */
export function UnitSuggestionsCard() {
  const q = useQuery({ queryKey: keys.inbox('open'), queryFn: () => api.get<Inbox>('/api/unit-inbox?state=open') });
  const items = q.data?.items ?? [];
  const overdue = items.filter((i) => i.assignment.clock?.status === 'overdue').length;
  const soon = items.filter((i) => i.assignment.clock?.status === 'due_soon').length;
  const toAccept = items.filter((i) => i.assignment.state === 'assigned').length;
  return (
    <Card title="承办建议" loading={q.isLoading} extra={<Link to="/suggestions/inbox">全部待办</Link>} data-testid="home-unit-suggestions">
      <Row gutter={16}>
        <Col span={6}><Stat title="待办" value={items.length} to="/suggestions/inbox" /></Col>
        <Col span={6}><Stat title="待签收" value={toAccept} to="/suggestions/inbox" /></Col>
        <Col span={6}><Stat title="临期" value={soon} to="/suggestions/inbox" color="#d46b08" /></Col>
        <Col span={6}><Stat title="逾期" value={overdue} to="/suggestions/inbox" color="#cf1322" /></Col>
      </Row>
      <List size="small" style={{ marginTop: 8 }} dataSource={items.slice(0, 5)} locale={{ emptyText: '没有待办的建议' }}
        renderItem={(i) => (
          <List.Item>
            <Space orientation="vertical" size={0}>
              <Link to={`/suggestions/${i.suggestion.id}`}>{suggestionNo(i.suggestion)} {i.suggestion.title}</Link>
              <Space size={4} wrap><Tag>{i.assignment.roleLabel}</Tag><ClockTag clock={i.assignment.clock} /><Typography.Text type="secondary" style={{ fontSize: 12 }}>{nextStep(i)}</Typography.Text></Space>
            </Space>
          </List.Item>
        )} />
    </Card>
  );
}

/** The deputy's card: their suggestions and what waits for them. */
export function DeputySuggestionsCard() {
  const q = useQuery({ queryKey: keys.list({ mine: true }), queryFn: () => api.get<SuggestionPage>('/api/suggestions?pageSize=200') });
  const items = q.data?.items ?? [];
  const awaiting = items.filter((s) => s.state === 'awaiting_feedback').length;
  return (
    <Card title="我的建议" loading={q.isLoading} extra={<Link to="/suggestions/mine">查看全部</Link>} data-testid="home-deputy-suggestions">
      {awaiting > 0 && <Badge status="warning" text={<Link to="/suggestions/mine">{awaiting} 件建议已答复，待评价</Link>} />}
      <List size="small" dataSource={items.slice(0, 6)} locale={{ emptyText: <Link to="/suggestions/new">还没有建议，提出建议</Link> }}
        renderItem={(s) => (
          <List.Item>
            <Space orientation="vertical" size={0}>
              <Link to={`/suggestions/${s.id}`}>{suggestionNo(s)} {s.title}</Link>
              <Space size={4}><StateTag state={s.state} label={s.stateLabel} round={s.round} />{s.leadUnit && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{s.leadUnit.name}</Typography.Text>}</Space>
            </Space>
          </List.Item>
        )} />
    </Card>
  );
}
