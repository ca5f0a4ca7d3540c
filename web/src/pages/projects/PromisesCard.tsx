import { Link } from 'react-router';
import { Alert, Card, Empty, Grid, List, Space, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { api, ApiError, qs } from '../../lib/api';
import { useMe } from '../../lib/auth';
import { canSee, NAV } from '../../nav';
import { ClockTag, DemoTag, DueText, pkeys, ProgressBar, StatusTag } from '../promises/components';
import type { Ledger, PromiseView } from '../promises/types';

/** More than a project ever carries; past it the card says how many it leaves out. */
const LIMIT = 100;
/** Who has the promise ledger: the same roles may read a project's promises. */
const LEDGER = NAV.find((n) => n.path === '/promises')!;

const promiseLink = (p: PromiseView) => <Link to={`/promises/${p.id}`} data-testid="project-promise-link">{p.text}</Link>;
const origin = (p: PromiseView) => `${p.suggestion.sessionName} ${p.suggestion.label}${p.point ? ` · 第${p.point.ordinal}条` : ''}`;
const state = (p: PromiseView) => (p.confirmed ? <StatusTag p={p} /> : <Tag color="blue">待确认</Tag>);
const due = (p: PromiseView) => <Space orientation="vertical" size={2}><DueText p={p} /><ClockTag p={p} /></Space>;
/** The promise's progress as every page shows it; a linked one says where it comes from. */
const progress = (p: PromiseView) => (
  <Space orientation="vertical" size={0} data-testid="project-promise-progress" data-progress={p.progress}>
    <ProgressBar p={p} />
    {p.source && <Typography.Text type="secondary" style={{ fontSize: 12 }}>取自{p.source.kindLabel}{p.source.kind === 'milestone' && p.source.name ? `“${p.source.name.split(' · ').at(-1)}”` : ''}</Typography.Text>}
  </Space>
);

/**
 * 相关承诺: the reply promises linked to this project, as far as the viewer may read them (the ledger's row
 * scope). Hidden for roles without the ledger, and when the server refuses the ledger to this viewer.
 */
export function ProjectPromisesCard({ projectId }: { projectId: string }) {
  const me = useMe();
  const screens = Grid.useBreakpoint();
  const mayRead = canSee(LEDGER, me.user.role);
  const q = useQuery({
    queryKey: pkeys.project(projectId),
    queryFn: () => api.get<Ledger>(`/api/promises${qs({ projectId, pageSize: LIMIT })}`),
    enabled: mayRead,
    // A refusal will not change on a second try.
    retry: (n, e) => !(e instanceof ApiError && e.status >= 400 && e.status < 500) && n < 1,
  });
  if (!mayRead || (q.error instanceof ApiError && q.error.status === 403)) return null;

  const d = q.data;
  let body: React.ReactNode;
  if (q.error) body = <Alert type="error" showIcon title={`无法加载相关承诺：${(q.error as Error).message}`} />;
  else if (!d) body = null;
  else if (d.items.length === 0) body = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无关联的答复承诺" />;
  else if (!screens.md) {
    body = (
      <List<PromiseView> dataSource={d.items} renderItem={(p) => (
        <List.Item key={p.id} data-testid="project-promise-row">
          <Space orientation="vertical" size={4} style={{ width: '100%' }}>
            {promiseLink(p)}
            <Space wrap size={4}>{state(p)}<DueText p={p} /><ClockTag p={p} /></Space>
            {progress(p)}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>责任单位：{p.owner.name} · {origin(p)} <DemoTag on={p.isDemo} /></Typography.Text>
          </Space>
        </List.Item>
      )} />
    );
  } else {
    body = (
      <Table<PromiseView> rowKey="id" size="small" pagination={false} dataSource={d.items} scroll={{ x: 720 }}
        onRow={(p) => ({ 'data-testid': 'project-promise-row', 'data-overdue': p.clock === 'overdue' ? '1' : '0' } as React.HTMLAttributes<HTMLElement>)}
        columns={[
          {
            title: '承诺', key: 'text', render: (_, p) => (
              <Space orientation="vertical" size={2}>
                {promiseLink(p)}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>{origin(p)} <DemoTag on={p.isDemo} /></Typography.Text>
              </Space>
            ),
          },
          { title: '状态', key: 'status', width: 90, render: (_, p) => state(p) },
          { title: '进度', key: 'progress', width: 150, render: (_, p) => progress(p) },
          { title: '完成时限', key: 'due', width: 170, render: (_, p) => due(p) },
          { title: '责任单位', key: 'owner', width: 190, render: (_, p) => p.owner.name },
        ]} />
    );
  }

  return (
    <Card title="相关承诺" data-testid="project-promises" loading={q.isLoading}
      extra={d && d.total > 0 && <Typography.Text type="secondary">{d.total > d.items.length ? `共 ${d.total} 项，显示前 ${d.items.length} 项` : `共 ${d.total} 项`}</Typography.Text>}>
      {body}
    </Card>
  );
}
