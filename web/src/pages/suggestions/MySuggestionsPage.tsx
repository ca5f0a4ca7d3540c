import { Link, useNavigate } from 'react-router';
import { Alert, Button, Card, Grid, List, Space, Table, Tag, Typography } from 'antd';
import { useQueries, useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';
import { useApiMutation } from '../../lib/useApiMutation';
import { formatDateCn } from '../../lib/format';
import { keys } from './data';
import { ClockTag, StateTag, SuggestionCards, suggestionNo } from './components';
import type { Deputy, SuggestionDetail, SuggestionListItem, SuggestionPage } from './types';

const SATISFACTION_TEXT = { satisfied: '满意', basically_satisfied: '基本满意', dissatisfied: '不满意' } as const;

/** A deputy's own suggestions (led or co-signed), invitations to co-sign, and replies waiting for their rating. */
export default function MySuggestionsPage() {
  const navigate = useNavigate();
  const me = useQuery({ queryKey: keys.me, queryFn: () => api.get<Deputy>('/api/deputies/me') });
  const list = useQuery({ queryKey: keys.list({ mine: true }), queryFn: () => api.get<SuggestionPage>('/api/suggestions?pageSize=200') });
  const items = list.data?.items ?? [];
  const myId = me.data?.id;
  const phone = Grid.useBreakpoint().md === false;
  // Invitations (drafts led by someone else) and replies to rate need the detail's actions.
  const needDetail = items.filter((i) => (i.state === 'draft' && i.leadDeputy.id !== myId) || i.state === 'awaiting_feedback');
  const details = useQueries({
    queries: needDetail.map((i) => ({ queryKey: keys.detail(i.id), queryFn: () => api.get<SuggestionDetail>(`/api/suggestions/${i.id}`), enabled: !!myId })),
  });
  const loaded = details.map((d) => d.data).filter((d): d is SuggestionDetail => !!d);
  const invitations = loaded.filter((d) => d.actions.includes('sign'));
  const toRate = new Set(loaded.filter((d) => d.actions.includes('rate')).map((d) => d.id));
  const sign = useApiMutation((v: { id: string; accept: boolean }) => api.post(`/api/suggestions/${v.id}/signature`, { accept: v.accept }), { invalidate: [keys.all], success: '已回复附议邀请' });

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {invitations.length > 0 && (
        <Card title={`附议邀请（${invitations.length}）`} size="small" data-testid="invitations">
          <List dataSource={invitations} renderItem={(d) => (
            <List.Item actions={[
              <Button key="y" type="primary" size="small" loading={sign.isPending} onClick={() => sign.mutate({ id: d.id, accept: true })}>同意附议</Button>,
              <Button key="n" size="small" onClick={() => sign.mutate({ id: d.id, accept: false })}>谢绝</Button>,
            ]}>
              <List.Item.Meta title={<Link to={`/suggestions/${d.id}`}>{d.title}</Link>} description={`${d.leadDeputy.name}代表邀请您联名附议 · ${d.category}`} />
            </List.Item>
          )} />
        </Card>
      )}
      {toRate.size > 0 && <Alert type="warning" showIcon title={`有 ${toRate.size} 件建议的答复等待您评价`} description="打开建议，阅读答复后选择满意、基本满意或不满意。每位联名代表分别评价。" />}
      <Card title="我的建议" extra={<Button type="primary" onClick={() => navigate('/suggestions/new')}>提出建议</Button>}>
        {phone ? (
          <SuggestionCards items={items} loading={list.isLoading} pagination={{ pageSize: 20, hideOnSinglePage: true }}
            extra={(s) => <>
              <Tag color={s.leadDeputy.id === myId ? 'red' : undefined} variant="filled">{s.leadDeputy.id === myId ? '领衔' : '附议'}</Tag>
              {toRate.has(s.id) && <Tag color="orange">待我评价</Tag>}
            </>} />
        ) : (
        <Table<SuggestionListItem>
          rowKey="id" loading={list.isLoading} dataSource={items} pagination={{ pageSize: 20, hideOnSinglePage: true }} scroll={{ x: 880 }}
          locale={{ emptyText: '您还没有领衔或附议的建议' }}
          columns={[
            { title: '编号', key: 'no', width: 110, render: (_, s) => suggestionNo(s) },
            {
              title: '标题', key: 'title',
              render: (_, s) => (
                <Space orientation="vertical" size={0}>
                  <Link to={`/suggestions/${s.id}`}>{s.title}</Link>
                  <Space size={4} wrap>
                    <Tag color={s.leadDeputy.id === myId ? 'red' : undefined} variant="filled">{s.leadDeputy.id === myId ? '领衔' : `附议（领衔：${s.leadDeputy.name}）`}</Tag>
                    {toRate.has(s.id) && <Tag color="orange">待我评价</Tag>}
                  </Space>
                </Space>
              ),
            },
            { title: '主办单位', key: 'unit', width: 150, render: (_, s) => s.leadUnit?.name ?? '—' },
            { title: '状态', key: 'state', width: 140, render: (_, s) => <StateTag state={s.state} label={s.stateLabel} round={s.round} /> },
            { title: '答复期限', key: 'due', width: 180, render: (_, s) => s.clock ? <ClockTag clock={s.clock} /> : s.dueDate ? formatDateCn(s.dueDate) : '—' },
            { title: '结果', key: 'sat', width: 90, render: (_, s) => s.finalSatisfaction ? SATISFACTION_TEXT[s.finalSatisfaction] : '—' },
          ]}
        />
        )}
        {list.error && <Typography.Text type="danger">{(list.error as Error).message}</Typography.Text>}
      </Card>
    </Space>
  );
}
