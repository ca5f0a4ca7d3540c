import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Button, Card, Grid, List, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';
import { useApiMutation } from '../../lib/useApiMutation';
import { formatDateCn } from '../../lib/format';
import { keys } from './data';
import { ClockTag, StateTag, suggestionNo } from './components';
import type { Inbox, InboxItem } from './types';

const REPLY_STATE = { none: '未起草', draft: '草稿', submitted: '已提交' } as const;

/** What a unit has to do: sign for new assignments, return wrong ones in time, draft replies and opinions. */
export function nextStep(i: InboxItem): string {
  const a = i.assignment;
  const s = i.suggestion;
  if (a.state === 'assigned') return `待签收；如需退办，请在 ${formatDateCn(a.returnDue.date)} 前提出`;
  if (a.state === 'return_requested') return '已申请退办，等待交办方决定';
  if (a.role === 'co') return a.opinion ? '协办意见已提交' : '请向主办单位提交协办意见';
  if (s.state === 'rehandling') return i.replyState === 'submitted' ? '已重新答复，等待代表评价' : `代表不满意，重新办理（第${s.round}轮）`;
  if (s.state === 'in_progress') return i.replyState === 'draft' ? '答复草稿未提交' : '请起草答复';
  if (s.state === 'awaiting_feedback') return '已答复，等待代表评价';
  if (s.state === 'closed') return '已办结';
  return s.stateLabel;
}

export default function UnitInboxPage() {
  const [state, setState] = useState<'open' | 'all'>('open');
  const navigate = useNavigate();
  const q = useQuery({ queryKey: keys.inbox(state), queryFn: () => api.get<Inbox>(`/api/unit-inbox?state=${state}`) });
  const accept = useApiMutation((a: { id: string; version: number }) => api.post(`/api/assignments/${a.id}/accept`, { version: a.version }), { invalidate: [keys.all], success: '已签收' });
  const items = q.data?.items ?? [];
  const phone = Grid.useBreakpoint().md === false;
  const action = (i: InboxItem) => {
    const a = i.assignment;
    if (a.state === 'assigned') return <Space size={4} wrap><Button size="small" type="primary" loading={accept.isPending} onClick={() => accept.mutate({ id: a.id, version: a.version })}>签收</Button><Button size="small" onClick={() => navigate(`/suggestions/${i.suggestion.id}`)}>退办…</Button></Space>;
    if (a.role === 'lead' && (i.suggestion.state === 'in_progress' || i.suggestion.state === 'rehandling') && i.replyState !== 'submitted') return <Button size="small" type="primary" onClick={() => navigate(`/suggestions/${i.suggestion.id}/reply`)}>起草答复</Button>;
    if (a.role === 'co' && !a.opinion && a.state === 'accepted') return <Button size="small" type="primary" onClick={() => navigate(`/suggestions/${i.suggestion.id}`)}>填写协办意见</Button>;
    return <Link to={`/suggestions/${i.suggestion.id}`}>查看</Link>;
  };
  const overdue = items.filter((i) => i.assignment.clock?.status === 'overdue').length;
  const soon = items.filter((i) => i.assignment.clock?.status === 'due_soon').length;
  return (
    <Card
      title={<Space wrap>承办建议{q.data && <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>{q.data.unit.name}</Typography.Text>}</Space>}
      extra={<Segmented value={state} onChange={(v) => setState(v as 'open' | 'all')} options={[{ value: 'open', label: '待办' }, { value: 'all', label: '全部' }]} />}
    >
      {items.length > 0 && (
        <Space wrap style={{ marginBottom: 12 }}>
          <Tag>共 {items.length} 件</Tag>
          {overdue > 0 && <Tag color="red">逾期 {overdue} 件</Tag>}
          {soon > 0 && <Tag color="orange">临期 {soon} 件</Tag>}
        </Space>
      )}
      {phone ? (
        <List loading={q.isLoading} dataSource={items} locale={{ emptyText: state === 'open' ? '没有待办的建议' : '本单位还没有承办的建议' }}
          renderItem={(i) => (
            <List.Item data-testid="inbox-item">
              <Space orientation="vertical" size={4} style={{ width: '100%' }}>
                <Space size={4} wrap><Typography.Text type="secondary">{suggestionNo(i.suggestion)}</Typography.Text><Tag color={i.assignment.role === 'lead' ? 'red' : undefined}>{i.assignment.roleLabel}</Tag></Space>
                <Link to={`/suggestions/${i.suggestion.id}`} style={{ fontWeight: 500 }}>{i.suggestion.title}</Link>
                <Space size={4} wrap><StateTag state={i.suggestion.state} label={i.suggestion.stateLabel} round={i.suggestion.round} /><ClockTag clock={i.assignment.clock} /></Space>
                <Typography.Text type="secondary" style={{ fontSize: 13 }}>{nextStep(i)}</Typography.Text>
                {action(i)}
              </Space>
            </List.Item>
          )} />
      ) : (
      <Table<InboxItem>
        rowKey={(i) => i.assignment.id} loading={q.isLoading} dataSource={items} pagination={{ pageSize: 20, hideOnSinglePage: true }} scroll={{ x: 1000 }}
        locale={{ emptyText: state === 'open' ? '没有待办的建议' : '本单位还没有承办的建议' }}
        columns={[
          { title: '编号', key: 'no', width: 110, render: (_, i) => suggestionNo(i.suggestion) },
          {
            title: '建议', key: 'title',
            render: (_, i) => (
              <Space orientation="vertical" size={0}>
                <Link to={`/suggestions/${i.suggestion.id}`}>{i.suggestion.title}</Link>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>{i.suggestion.leadDeputy.name}{i.suggestion.signerNames.length > 1 ? ` 等${i.suggestion.signerNames.length}位代表` : ''} · 交办 {formatDateCn(i.assignment.assignedOn)}</Typography.Text>
              </Space>
            ),
          },
          { title: '本单位', key: 'role', width: 80, render: (_, i) => <Tag color={i.assignment.role === 'lead' ? 'red' : undefined}>{i.assignment.roleLabel}</Tag> },
          { title: '状态', key: 'state', width: 150, render: (_, i) => <Space orientation="vertical" size={2}><StateTag state={i.suggestion.state} label={i.suggestion.stateLabel} round={i.suggestion.round} />{i.assignment.role === 'lead' && i.replyState !== 'none' && <Typography.Text type="secondary" style={{ fontSize: 12 }}>答复：{REPLY_STATE[i.replyState]}</Typography.Text>}</Space> },
          {
            title: '期限', key: 'clock', width: 200,
            render: (_, i) => i.assignment.clock
              ? <Space orientation="vertical" size={0}><ClockTag clock={i.assignment.clock} /><Typography.Text type="secondary" style={{ fontSize: 12 }}>{i.assignment.role === 'co' ? '协办意见' : '答复'}期限 {formatDateCn(i.assignment.clock.dueDate)}</Typography.Text></Space>
              : '—',
          },
          { title: '下一步', key: 'next', width: 220, render: (_, i) => <Typography.Text>{nextStep(i)}</Typography.Text> },
          { title: '操作', key: 'ops', width: 150, fixed: phone ? undefined : 'right', render: (_, i) => action(i) },
        ]}
      />
      )}
    </Card>
  );
}
