import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Button, Card, Empty, Progress, Segmented, Space, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';
import { useMe } from '../../lib/auth';
import type { Light, ProjectSummary } from './types';
import { LightTag, MilestoneText, pct, wan } from './ui';
import { ProjectFormDialog } from './ProjectFormDialog';
import { GlobalLightRulesDialog, StageTemplatesDialog } from './ConfigDialogs';
import { formatDateCn } from '../../lib/format';
import { ResponsiveTable } from '../../lib/ResponsiveTable';

export default function ProjectListPage() {
  const me = useMe();
  const navigate = useNavigate();
  const isZone = me.user.role === 'zone_staff';
  const list = useQuery({ queryKey: ['projects', 'list'], queryFn: () => api.get<ProjectSummary[]>('/api/projects') });
  const [filter, setFilter] = useState<'all' | Light>('all');
  const [creating, setCreating] = useState(false);
  const [rulesOpen, setRulesOpen] = useState(false);
  const [templatesOpen, setTemplatesOpen] = useState(false);

  const counts = useMemo(() => {
    const c = { green: 0, yellow: 0, red: 0 };
    for (const p of list.data ?? []) c[p.light.light]++;
    return c;
  }, [list.data]);
  const rows = (list.data ?? []).filter((p) => filter === 'all' || p.light.light === filter);

  return (
    <Card
      title="重点项目调度"
      extra={
        <Space wrap>
          <Button onClick={() => setRulesOpen(true)}>亮灯规则</Button>
          <Button onClick={() => setTemplatesOpen(true)}>工序模板</Button>
          {isZone && <Button type="primary" onClick={() => setCreating(true)}>新建项目</Button>}
        </Space>
      }
    >
      {me.user.role === 'unit_staff' && (
        <Typography.Paragraph type="secondary">显示{me.user.orgUnitName ?? '本单位'}负责的重点项目。</Typography.Paragraph>
      )}
      <Segmented
        style={{ marginBottom: 16 }}
        value={filter}
        onChange={(v) => setFilter(v as typeof filter)}
        options={[
          { value: 'all', label: `全部 ${list.data?.length ?? 0}` },
          { value: 'red', label: `红灯 ${counts.red}` },
          { value: 'yellow', label: `黄灯 ${counts.yellow}` },
          { value: 'green', label: `绿灯 ${counts.green}` },
        ]}
      />
      <ResponsiveTable<ProjectSummary>
        rowKey="id" size="middle" loading={list.isLoading} dataSource={rows} pagination={false} scroll={{ x: 1040 }}
        locale={{ emptyText: <Empty description={me.user.role === 'unit_staff' ? '本单位暂无负责的重点项目' : '暂无重点项目'} /> }}
        onRow={(p) => ({ onDoubleClick: () => navigate(`/projects/${p.id}`) })}
        columns={[
          {
            title: '项目', dataIndex: 'name', width: 250,
            render: (v, p) => (
              <Space orientation="vertical" size={0}>
                <Link to={`/projects/${p.id}`} data-testid="project-link">{v}</Link>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>{p.location}</Typography.Text>
                <Space size={4} wrap>
                  <Tag>{p.level}</Tag><Tag>{p.category}</Tag>
                  {!p.isPublic && <Tag color="default">不公开</Tag>}
                  {p.isDemo && <Tag color="purple">演示</Tag>}
                </Space>
              </Space>
            ),
          },
          { title: '责任单位', dataIndex: 'ownerOrgName', width: 130 },
          { title: '状态', dataIndex: 'statusLabel', width: 60 },
          { title: '亮灯', key: 'light', width: 90, render: (_, p) => <LightTag light={p.light} /> },
          {
            title: '形象进度', dataIndex: 'progress', width: 160,
            render: (v, p) => (
              <div>
                <Progress percent={v} format={() => pct(v)} size="small" strokeColor={v >= 100 ? '#52c41a' : undefined} />
                {p.light.expected !== null && <Typography.Text type="secondary" style={{ fontSize: 12 }}>序时 {pct(p.light.expected)}</Typography.Text>}
              </div>
            ),
          },
          { title: '下一个里程碑', key: 'ms', width: 210, render: (_, p) => <MilestoneText m={p.nextMilestone} /> },
          {
            title: '协调事项', key: 'issues', width: 110,
            render: (_, p) => (p.openIssues ? <Space size={4}><Tag>{p.openIssues} 项未解决</Tag>{!!p.overdueIssues && <Tag color="red">逾期 {p.overdueIssues}</Tag>}</Space> : <Typography.Text type="secondary">无</Typography.Text>),
          },
          { title: '计划总投资', dataIndex: 'plannedInvestmentWan', width: 110, render: wan },
          { title: '最近填报', dataIndex: 'lastReportOn', width: 100, render: formatDateCn },
        ]}
      />
      <ProjectFormDialog open={creating} project={null} canManage={isZone} onClose={() => setCreating(false)} onSaved={(id) => { setCreating(false); navigate(`/projects/${id}`); }} />
      <GlobalLightRulesDialog open={rulesOpen} canEdit={isZone} onClose={() => setRulesOpen(false)} />
      <StageTemplatesDialog open={templatesOpen} canEdit={isZone} onClose={() => setTemplatesOpen(false)} />
    </Card>
  );
}
