import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { Badge, Breadcrumb, Button, Card, Col, Descriptions, Popconfirm, Result, Row, Space, Spin, Tabs, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { api, ApiError } from '../../lib/api';
import { useApiMutation } from '../../lib/useApiMutation';
import { formatDateCn } from '../../lib/format';
import type { ProjectDetail } from './types';
import { MilestoneText, wan } from './ui';
import { LightCard } from './LightCard';
import { ComponentsCard } from './ComponentsCard';
import { ProgressUpdateDialog } from './ProgressUpdateDialog';
import { HistoryCard } from './HistoryCard';
import { MilestonesCard } from './MilestonesCard';
import { MonthlyCard } from './MonthlyCard';
import { IssuesCard } from './IssuesCard';
import { ProjectFormDialog } from './ProjectFormDialog';
import { ProjectPromisesCard } from './PromisesCard';

export default function ProjectDetailPage() {
  const { id } = useParams();
  const navigate = useNavigate();
  const q = useQuery({ queryKey: ['projects', 'detail', id], queryFn: () => api.get<ProjectDetail>(`/api/projects/${id}`) });
  const [reporting, setReporting] = useState<{ componentId: string | null } | null>(null);
  const [editing, setEditing] = useState(false);
  const remove = useApiMutation(() => api.delete(`/api/projects/${id}?version=${q.data!.version}`), { invalidate: [['projects']], success: '项目已删除', onSuccess: () => navigate('/projects') });

  if (q.isLoading) return <div style={{ padding: 48, textAlign: 'center' }}><Spin /></div>;
  if (q.error) {
    const e = q.error as ApiError;
    return <Result status={e.status === 403 ? '403' : e.status === 404 ? '404' : 'error'} title={e.message} extra={<Link to="/projects">返回项目列表</Link>} />;
  }
  const p = q.data!;
  const openIssues = p.issues.filter((i) => i.state !== 'resolved').length;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Breadcrumb items={[{ title: <Link to="/projects">重点项目</Link> }, { title: p.name }]} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Card
            title={<Space wrap><span data-testid="project-name">{p.name}</span><Tag>{p.statusLabel}</Tag>{!p.isPublic && <Tag>不公开</Tag>}{p.isDemo && <Tag color="purple">演示</Tag>}</Space>}
            extra={p.canEdit && (
              <Space>
                <Button onClick={() => setEditing(true)}>编辑</Button>
                {p.canManage && p.updates.length === 0 && <Popconfirm title="删除此项目？" onConfirm={() => remove.mutate()}><Button danger>删除</Button></Popconfirm>}
              </Space>
            )}
          >
            <Descriptions size="small" column={{ xs: 1, sm: 2 }} items={[
              { key: 'owner', label: '责任单位', children: p.ownerOrgName },
              { key: 'loc', label: '建设地点', children: p.location },
              { key: 'level', label: '级别 / 类别', children: `${p.level} · ${p.category}` },
              { key: 'inv', label: '计划总投资', children: wan(p.plannedInvestmentWan) },
              { key: 'plan', label: '计划工期', children: `${formatDateCn(p.plannedStart)} 至 ${formatDateCn(p.plannedFinish)}` },
              { key: 'start', label: '开工', children: p.startedOn ? `${formatDateCn(p.startedOn)}${p.actualStart ? '' : '（首次填报）'}` : '尚未开工' },
              { key: 'ms', label: '下一个里程碑', children: <MilestoneText m={p.nextMilestone} /> },
              { key: 'last', label: '最近填报', children: formatDateCn(p.lastReportOn) },
            ]} />
            {p.description && <Typography.Paragraph style={{ marginTop: 12, marginBottom: 0 }}>{p.description}</Typography.Paragraph>}
            {p.internalNote && <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>内部备注：{p.internalNote}</Typography.Paragraph>}
          </Card>
        </Col>
        <Col xs={24} xl={10}><LightCard project={p} /></Col>
      </Row>
      <ComponentsCard project={p} onReport={(componentId) => setReporting({ componentId })} />
      <ProjectPromisesCard projectId={p.id} />
      <Card>
        <Tabs items={[
          { key: 'history', label: `进度记录（${p.updates.filter((u) => !u.voided).length}）`, children: <HistoryCard project={p} /> },
          { key: 'milestones', label: '里程碑', children: <MilestonesCard project={p} /> },
          { key: 'monthly', label: '月度计划与完成', children: <MonthlyCard project={p} /> },
          { key: 'issues', label: <Badge count={openIssues} size="small" offset={[10, 0]}>协调事项</Badge>, children: <IssuesCard project={p} /> },
        ]} />
      </Card>
      <ProgressUpdateDialog open={!!reporting} projectId={p.id} components={p.components} initialComponentId={reporting?.componentId ?? null} onClose={() => setReporting(null)} />
      <ProjectFormDialog open={editing} project={p} canManage={p.canManage} onClose={() => setEditing(false)} onSaved={() => setEditing(false)} />
    </Space>
  );
}
