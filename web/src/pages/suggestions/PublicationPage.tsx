import { Link, useNavigate } from 'react-router';
import { Badge, Card, Popover, Segmented, Select, Space, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { api, qs } from '../../lib/api';
import { useUrlParams } from '../../lib/useUrlParams';
import { formatDateCn, formatInstant } from '../../lib/format';
import { useSessions } from './data';
import { ExplanationLines } from './components';
import { DeadlineTag } from './DeadlineTag';
import type { PublicationList, PublicationSummary } from './toolsTypes';
import { ResponsiveTable } from '../../lib/ResponsiveTable';

const STATE_COLORS = { draft: 'orange', reviewed: 'blue', published: 'green' } as const;

/** Replies waiting for their redaction review and publication, with the publication deadline of each. */
export default function PublicationPage() {
  const navigate = useNavigate();
  const [params, set] = useUrlParams({ replace: true });
  const status = (params.get('status') ?? 'pending') as 'pending' | 'reviewed' | 'published' | 'all';
  const sessionId = params.get('sessionId') ?? undefined;
  const page = Number(params.get('page') ?? 1);
  const sessions = useSessions();
  const q = useQuery({
    queryKey: ['suggestions', 'publication', status, sessionId ?? '', page],
    queryFn: () => api.get<PublicationList>(`/api/publication/replies${qs({ status, sessionId, page, pageSize: 20 })}`),
    placeholderData: (p) => p,
  });
  const c = q.data?.counts;
  return (
    <Card
      title="答复公开"
      extra={
        <Select
          allowClear placeholder="全部届次" style={{ width: 180 }} value={sessionId} onChange={(v) => set({ sessionId: v })}
          options={(sessions.data ?? []).map((s) => ({ value: s.id, label: `${s.body}${s.shortName}` }))}
        />
      }
    >
      <Typography.Paragraph type="secondary">
        答复提交后须在规定的工作日内公开。公开前须审核：系统自动找出手机号码、固定电话、身份证号码和个人邮箱（承办单位的办公电话除外），审核人可保留或增加隐去的内容，审核后方可公开。
      </Typography.Paragraph>
      <Segmented
        style={{ marginBottom: 16 }} value={status} onChange={(v) => set({ status: v === 'pending' ? undefined : String(v) })}
        options={[
          { value: 'pending', label: <Space size={4}>待审核<Badge count={c?.pending ?? 0} showZero color="orange" /></Space> },
          { value: 'reviewed', label: <Space size={4}>已审核待公开<Badge count={c?.reviewed ?? 0} showZero color="blue" /></Space> },
          { value: 'published', label: <Space size={4}>已公开<Badge count={c?.published ?? 0} showZero color="green" /></Space> },
          { value: 'all', label: '全部' },
        ]}
      />
      <ResponsiveTable<PublicationSummary>
        rowKey="replyId" size="middle" loading={q.isFetching} dataSource={q.data?.items} scroll={{ x: 1250 }} data-testid="publication-table"
        onRow={(r) => ({ onDoubleClick: () => navigate(`/suggestions/publication/${r.replyId}`) })}
        pagination={{ current: page, pageSize: 20, total: q.data?.total ?? 0, onChange: (p) => set({ page: String(p) }), showTotal: (t) => `共 ${t} 件`, showSizeChanger: false }}
        columns={[
          {
            title: '建议', key: 's', width: 340, render: (_, r) => (
              <div>
                <Link to={`/suggestions/publication/${r.replyId}`}>{r.suggestionTitle}</Link>
                <div><Typography.Text type="secondary">{r.sessionName}{r.suggestionNumber ? ` 第${r.suggestionNumber}号` : ''}{r.round > 1 ? ` · 第${r.round}轮答复` : ''}</Typography.Text></div>
              </div>
            ),
          },
          { title: '承办单位', dataIndex: 'unitName', width: 160 },
          { title: '文号', dataIndex: 'docNumber', width: 150, render: (v) => v ?? '—' },
          { title: '答复提交', dataIndex: 'submittedAt', width: 140, render: (v) => formatInstant(v) },
          {
            title: '公开期限', key: 'deadline', width: 170, render: (_, r) => r.deadline?.dueDate ? (
              <Popover title={`答复提交后 ${r.deadline.workdays} 个工作日内公开`} content={<ExplanationLines lines={r.deadline.lines} />}>
                <Space orientation="vertical" size={0}>
                  <span>{formatDateCn(r.deadline.dueDate)}</span>
                  {r.deadline.clock ? <DeadlineTag clock={r.deadline.clock} /> : <Tag color="green">已公开</Tag>}
                </Space>
              </Popover>
            ) : <Typography.Text type="warning">{r.deadline?.lines[0] ?? '—'}</Typography.Text>,
          },
          { title: '个人信息', dataIndex: 'findings', width: 100, render: (n: number | null) => (n ? <Tag color="red">隐去 {n} 处</Tag> : <Tag>未发现</Tag>) },
          {
            title: '状态', key: 'state', width: 150, render: (_, r) => (
              <Space orientation="vertical" size={0}>
                <Tag color={STATE_COLORS[r.publicationState]}>{r.publicationStateLabel}</Tag>
                {r.withdrawn && <Typography.Text type="danger" style={{ fontSize: 12 }}>已撤回：{r.withdrawn.reason}</Typography.Text>}
                {r.publishedAt && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{formatInstant(r.publishedAt)} 公开</Typography.Text>}
              </Space>
            ),
          },
          { title: '', key: 'go', width: 80, render: (_, r) => <Link to={`/suggestions/publication/${r.replyId}`}>{r.publicationState === 'published' ? '查看' : '审核'}</Link> },
        ]}
      />
    </Card>
  );
}
