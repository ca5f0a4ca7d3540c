import { Link } from 'react-router';
import { Card, List, Space, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';
import type { ProjectSummary } from './types';
import { LightTag, pct } from './ui';
import { formatDateCn } from '../../lib/format';

/** Home card: the projects that need attention first (red, then yellow). */
export default function ProjectsHomeCard() {
  const q = useQuery({ queryKey: ['projects', 'list'], queryFn: () => api.get<ProjectSummary[]>('/api/projects') });
  const rank = { red: 0, yellow: 1, green: 2 } as const;
  const rows = [...(q.data ?? [])].sort((a, b) => rank[a.light.light] - rank[b.light.light]).slice(0, 5);
  const count = (l: 'red' | 'yellow' | 'green') => (q.data ?? []).filter((p) => p.light.light === l).length;
  return (
    <Card title="重点项目" loading={q.isLoading} extra={<Link to="/projects">全部</Link>} data-testid="home-projects">
      <Space style={{ marginBottom: 8 }}>
        <Typography.Text type="danger">红灯 {count('red')}</Typography.Text>
        <Typography.Text type="warning">黄灯 {count('yellow')}</Typography.Text>
        <Typography.Text type="success">绿灯 {count('green')}</Typography.Text>
      </Space>
      <List size="small" dataSource={rows} locale={{ emptyText: '暂无项目' }}
        renderItem={(p) => (
          <List.Item extra={<LightTag light={p.light} />}>
            <List.Item.Meta title={<Link to={`/projects/${p.id}`}>{p.name}</Link>} description={`形象进度 ${pct(p.progress)}${p.nextMilestone ? ` · ${p.nextMilestone.name} ${formatDateCn(p.nextMilestone.targetDate)}` : ''}`} />
          </List.Item>
        )} />
    </Card>
  );
}
