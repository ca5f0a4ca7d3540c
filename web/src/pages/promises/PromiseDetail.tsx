import { useState } from 'react';
import { Link } from 'react-router';
import { Alert, Button, Card, Col, Descriptions, Empty, List, Progress, Result, Row, Space, Spin, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { api, ApiError } from '../../lib/api';
import { useMe } from '../../lib/auth';
import { formatDateCn, formatInstant } from '../../lib/format';
import { ClockTag, DeliveryTag, DemoTag, DueText, HistoryTimeline, pkeys, ProgressBar, SourceWords, StatusTag, TargetText } from './components';
import { EvidenceDialog, ProgressDialog, RatingForm, ReviewDialog, SourceDialog, StatusDialog, VoidEvidenceDialog } from './dialogs';
import type { EvidenceItem, PromiseDetail as Detail } from './types';

type Dialog = 'status' | 'progress' | 'evidence' | 'edit' | 'confirm' | 'source' | null;

const LIGHT: Record<string, string> = { green: '绿灯', yellow: '黄灯', red: '红灯' };
const LIGHT_COLORS: Record<string, string> = { green: 'green', yellow: 'gold', red: 'red' };
const sizeText = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`);

export const usePromise = (id: string) => useQuery({ queryKey: pkeys.detail(id), queryFn: () => api.get<Detail>(`/api/promises/${id}`), enabled: !!id });

/** Where the promise's progress comes from, with a link to that page. */
function SourceNote({ p, staff }: { p: Detail; staff: boolean }) {
  const s = p.source!;
  if (s.missing) return <Alert type="warning" showIcon data-testid="promise-source" title={s.note} />;
  const link = staff && s.link ? <Link to={s.link}>{s.name}</Link> : s.name;
  return (
    <Alert type="info" showIcon data-testid="promise-source" title={<>进度和状态取自关联的{s.kindLabel}“{link}”：{s.stateText}</>}
      description={p.can.update ? `如需更新进度，请在${s.kindLabel === '园区绿化目标' || s.kindLabel === '园区设施' ? '园区生活' : '重点项目调度'}中填报；承诺上不再另行填报。` : undefined} />
  );
}

/** One promise: what it says and where it came from, its status and progress, history, evidence, the deputies' ratings. */
export function PromiseDetail({ id }: { id: string }) {
  const q = usePromise(id);
  const me = useMe();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [voiding, setVoiding] = useState<EvidenceItem | null>(null);
  if (q.isLoading) return <div style={{ padding: 48, textAlign: 'center' }}><Spin /></div>;
  if (q.error || !q.data) {
    const e = q.error as ApiError | null;
    return <Result status={e?.status === 403 ? '403' : e?.status === 404 ? '404' : 'error'} title={e?.message ?? '无法加载该承诺'} />;
  }
  const p = q.data;
  const close = () => setDialog(null);
  const actions: React.ReactNode[] = [];
  if (p.can.review && !p.confirmed) actions.push(<Button key="confirm" type="primary" onClick={() => setDialog('confirm')}>确认承诺</Button>);
  if (p.can.update) {
    // Linked to a source: progress is entered there, not here (one fact, entered once).
    if (p.can.report) actions.push(<Button key="progress" type="primary" onClick={() => setDialog('progress')} disabled={p.status === 'done' || p.status === 'dropped'}>更新进度</Button>);
    actions.push(<Button key="status" onClick={() => setDialog('status')} disabled={p.status === 'dropped'}>更新状态</Button>);
    actions.push(<Button key="evidence" onClick={() => setDialog('evidence')}>上传佐证</Button>);
  }
  if (p.can.review) actions.push(<Button key="edit" onClick={() => setDialog('edit')}>{p.confirmed ? '修改 / 关联项目' : '修改'}</Button>);
  if (p.can.link) actions.push(<Button key="source" onClick={() => setDialog('source')} data-testid="promise-source-button">进度来源</Button>);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="promise-detail" data-promise-id={p.id}>
      <Card>
        <Space orientation="vertical" size={8} style={{ width: '100%' }}>
          <Typography.Text type="secondary">
            {me.user.role === 'zone_staff' ? <>{p.suggestion.sessionName} {p.suggestion.label}</> : <Link to={`/suggestions/${p.suggestion.id}`}>{p.suggestion.sessionName} {p.suggestion.label}</Link>} · {p.suggestion.title}
          </Typography.Text>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="promise-text">{p.text}</Typography.Title>
          <Space wrap>
            {p.confirmed ? <StatusTag p={p} /> : <Tag color="blue">待确认</Tag>}
            {p.discarded && <Tag>已舍弃</Tag>}
            <ClockTag p={p} />
            {p.openEnded && p.status !== 'done' && <Tag color="gold">无明确时限</Tag>}
            <DemoTag on={p.isDemo} />
          </Space>
          <SourceWords p={p} />
          <Link to={`/promises/reply/${p.reply.id}`} data-testid="reply-promises-link">查看该答复中的全部承诺</Link>
          {p.source && <SourceNote p={p} staff={me.user.role !== 'deputy'} />}
          {p.statusReason && (p.status === 'slipped' || p.status === 'dropped') && (
            <Alert type={p.status === 'dropped' ? 'error' : 'warning'} showIcon title={`${p.status === 'dropped' ? '终止' : '延期'}原因：${p.statusReason}`} />
          )}
          {p.statusReason && p.source && p.status !== 'slipped' && p.status !== 'dropped' && (
            <Alert type="warning" showIcon data-testid="promise-source-reason" title={`滞后原因：${p.statusReason}`} />
          )}
          {actions.length > 0 && <Space wrap>{actions}</Space>}
        </Space>
      </Card>

      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card title="承诺信息" size="small">
            <Descriptions column={{ xs: 1, sm: 2 }} size="small" items={[
              { key: 'owner', label: '责任单位', children: p.owner.name },
              { key: 'unit', label: '主办单位（答复）', children: <>{p.reply.unitName}{p.reply.docNumber ? ` · ${p.reply.docNumber}` : ''}</> },
              { key: 'due', label: '完成时限', children: <DueText p={p} /> },
              { key: 'done', label: '完成日期', children: p.doneOn ? formatDateCn(p.doneOn) : '—' },
              { key: 'progress', label: '进度', children: <span data-testid="promise-progress" data-progress={p.progress}><ProgressBar p={p} /></span> },
              { key: 'target', label: '目标', children: <TargetText p={p} /> },
              { key: 'action', label: '动作', children: p.action ?? '—' },
              { key: 'point', label: '答复要点', children: p.point ? `第${p.point.ordinal}条${p.point.heading ? ` ${p.point.heading}` : ''}` : '—' },
              { key: 'reply', label: '答复日期', children: formatDateCn(p.reply.replyDate) },
              { key: 'sat', label: '答复满意', children: p.suggestion.replySatisfactionLabel ?? '尚未评价' },
              { key: 'delivery', label: '落实评价', children: <Space orientation="vertical" size={0}><DeliveryTag d={p.delivery} />{p.delivery.setAsideNote && <Typography.Text type="warning" style={{ fontSize: 12 }}>{p.delivery.setAsideNote}</Typography.Text>}</Space> },
              { key: 'pub', label: '公开', children: p.reply.published && p.confirmed ? <a href={`/public/promises/${p.id}`} target="_blank" rel="noreferrer">已在公开台账显示</a> : '答复公开后显示' },
            ]} />
          </Card>
          {p.project && (
            <Card title="关联重点项目" size="small" style={{ marginTop: 16 }} data-testid="promise-project">
              <Space orientation="vertical" style={{ width: '100%' }}>
                <Space wrap>
                  {me.user.role === 'deputy'
                    ? <a href={`/public/projects/${p.project.id}`} target="_blank" rel="noreferrer">{p.project.name}</a>
                    : <Link to={`/projects/${p.project.id}`}>{p.project.name}</Link>}
                  {p.project.light && <Tag color={LIGHT_COLORS[p.project.light]}>{LIGHT[p.project.light] ?? p.project.light}</Tag>}
                  {p.project.ownerOrgName && <Typography.Text type="secondary">{p.project.ownerOrgName}</Typography.Text>}
                </Space>
                {typeof p.project.progress === 'number' && <Progress percent={p.project.progress} size="small" />}
              </Space>
            </Card>
          )}
          <Card title={`佐证材料（${p.evidence.filter((e) => !e.voided).length}）`} size="small" style={{ marginTop: 16 }}>
            {p.evidence.length === 0 ? <Empty description="暂无佐证材料" image={Empty.PRESENTED_IMAGE_SIMPLE} /> : (
              <List size="small" dataSource={p.evidence} data-testid="promise-evidence" renderItem={(e) => (
                <List.Item actions={p.can.update && !e.voided ? [<a key="void" onClick={() => setVoiding(e)}>作废</a>] : []}>
                  <Space orientation="vertical" size={0} style={{ width: '100%' }}>
                    <Space wrap size={6}>
                      <Typography.Text delete={e.voided}>{e.note}</Typography.Text>
                      {e.internal && <Tag>仅内部</Tag>}
                      {e.voided && <Tag color="red">已作废：{e.voidReason}</Tag>}
                    </Space>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>{formatDateCn(e.happenedOn)} · {e.by} · 上传于 {formatInstant(e.at)}</Typography.Text>
                    {e.file && (
                      <Space size={6} wrap>
                        {e.file.mime.startsWith('image/') && !e.voided && <img src={e.file.url} alt={e.file.name} style={{ maxWidth: 160, maxHeight: 120, borderRadius: 4, border: '1px solid #f0f0f0' }} />}
                        <a href={e.file.url} target="_blank" rel="noreferrer">{e.file.name}</a>
                        <Typography.Text type="secondary" style={{ fontSize: 12 }} title={`SM3：${e.file.sm3}`}>{sizeText(e.file.size)} · SM3 {e.file.sm3.slice(0, 12)}…</Typography.Text>
                      </Space>
                    )}
                  </Space>
                </List.Item>
              )} />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card title="代表落实评价" size="small" data-testid="promise-ratings">
            {p.can.rate && (
              <div style={{ marginBottom: 16 }}>
                <Alert type="info" showIcon style={{ marginBottom: 12 }} title={p.status === 'done' ? '该承诺已完成，请评价落实情况。' : '该承诺已到期，请评价落实情况。'} />
                <RatingForm p={p} />
              </div>
            )}
            {!p.delivery.rateable && <Typography.Paragraph type="secondary">承诺到期或完成后，提出建议的代表可以评价落实情况（兑现、部分兑现、未兑现）。</Typography.Paragraph>}
            <Table size="small" rowKey="deputyId" pagination={false} dataSource={p.ratings} locale={{ emptyText: '—' }}
              columns={[
                { title: '代表', dataIndex: 'name', render: (v, r) => <>{v}{r.role === 'lead' ? <Tag style={{ marginInlineStart: 4 }}>领衔</Tag> : null}</> },
                { title: '落实评价', key: 'l', render: (_, r) => r.latest ? <Space orientation="vertical" size={0}>
                  <Tag color={{ kept: 'green', partly: 'orange', not_kept: 'red' }[r.latest.rating]}>{r.latest.label}</Tag>
                  {r.latest.setAside && <Typography.Text type="warning" style={{ fontSize: 12 }}>与当前状态（{p.statusLabel}）不符，未计入；承诺有新进展后可重新评价</Typography.Text>}
                  {r.latest.comment && <Typography.Text style={{ fontSize: 12 }}>{r.latest.comment}</Typography.Text>}
                  <Typography.Text type="secondary" style={{ fontSize: 11 }}>{formatInstant(r.latest.ratedAt)}{r.history.length > 1 ? `（共评价 ${r.history.length} 次，以最新为准）` : ''}</Typography.Text>
                </Space> : <Typography.Text type="secondary">未评价</Typography.Text> },
              ]} />
          </Card>
          <Card title="变更记录" size="small" style={{ marginTop: 16 }}>
            <HistoryTimeline items={p.history} />
          </Card>
        </Col>
      </Row>

      <ReviewDialog p={p} open={dialog === 'confirm' || dialog === 'edit'} mode={dialog === 'confirm' ? 'confirm' : 'edit'} onClose={close} />
      <StatusDialog p={p} open={dialog === 'status'} onClose={close} />
      <ProgressDialog p={p} open={dialog === 'progress'} onClose={close} />
      <SourceDialog p={p} open={dialog === 'source'} onClose={close} />
      <EvidenceDialog p={p} open={dialog === 'evidence'} onClose={close} />
      <VoidEvidenceDialog promiseId={p.id} evidence={voiding} open={!!voiding} onClose={() => setVoiding(null)} />
    </Space>
  );
}
