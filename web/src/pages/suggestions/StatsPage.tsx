import { useState, type ReactNode } from 'react';
import { App, Button, Card, Col, Empty, Row, Select, Space, Statistic, Table, Tooltip, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { api, download, ApiError, qs } from '../../lib/api';
import { useMe } from '../../lib/auth';
import { formatDateCn } from '../../lib/format';
import { ClassMixChart, UnitRatesChart, UnitWorkloadChart } from './StatsCharts';
import { useSessions } from './data';
import type { StatsReport, StatsRow } from './toolsTypes';

const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);
const days = (x: number | null) => (x === null ? '—' : `${x}`);

const NOTES: Record<string, string> = {
  办复率: '已办复 ÷ 主办件数',
  按时办复率: '按时办复 ÷ 已办复；按时指第一轮答复提交日期不晚于当时有效的答复期限（含批准的延期）',
  首轮满意率: '第一轮答复中，全部领衔和附议代表均已评价的件数里评价为满意或基本满意的比例；任一代表不满意即计为不满意',
  最终满意率: '最后一轮评价结果为满意或基本满意的比例',
  平均办复用时: '从交办日至第一轮答复提交日',
};
const withNote = (label: string) => <Tooltip title={NOTES[label]}><span style={{ borderBottom: '1px dashed #999', cursor: 'help' }}>{label}</span></Tooltip>;

/** Handling statistics by unit and by session, with charts and the .xlsx export. */
export default function StatsPage() {
  const me = useMe();
  const { message } = App.useApp();
  // The newest session by default (its figures are what people ask about); cleared, all sessions.
  const sessions = useSessions();
  const [chosen, setChosen] = useState<string | null | undefined>(undefined);
  const sessionId = chosen === undefined ? sessions.data?.[0]?.id : chosen ?? undefined;
  const q = useQuery({
    queryKey: ['suggestions', 'stats', sessionId ?? ''],
    queryFn: () => api.get<StatsReport>(`/api/suggestions/stats${qs({ sessionId })}`),
    placeholderData: (p) => p,
    enabled: chosen !== undefined || !sessions.isLoading,
  });
  const setSessionId = (v: string | undefined) => setChosen(v ?? null);
  const r = q.data;
  const head: StatsRow | undefined = r ? (r.total ?? r.units[0]) : undefined;
  const mix = head?.classMix ?? {};

  // One list of columns for the table body and its total row.
  const spec: Array<{ key: string; title: ReactNode; width: number; cell: (x: StatsRow) => ReactNode }> = [
    { key: 'assigned', title: '主办', width: 60, cell: (x) => x.assigned },
    { key: 'co', title: '协办', width: 60, cell: (x) => x.coAssigned },
    { key: 'replied', title: '已办复', width: 70, cell: (x) => x.replied },
    { key: 'onTime', title: '按时', width: 60, cell: (x) => x.repliedOnTime },
    { key: 'overdue', title: '逾期未复', width: 76, cell: (x) => (x.overdueOpen ? <Typography.Text type="danger">{x.overdueOpen}</Typography.Text> : 0) },
    { key: 'replyRate', title: withNote('办复率'), width: 80, cell: (x) => pct(x.replyRate) },
    { key: 'onTimeRate', title: withNote('按时办复率'), width: 96, cell: (x) => pct(x.onTimeRate) },
    { key: 'first', title: withNote('首轮满意率'), width: 96, cell: (x) => <Tooltip title={`已评价 ${x.firstRound.rated} 件：满意 ${x.firstRound.satisfied}，基本满意 ${x.firstRound.basically}，不满意 ${x.firstRound.dissatisfied}`}>{pct(x.firstRound.rate)}</Tooltip> },
    { key: 'final', title: withNote('最终满意率'), width: 96, cell: (x) => <Tooltip title={`已评价 ${x.final.rated} 件：满意 ${x.final.satisfied}，基本满意 ${x.final.basically}，不满意 ${x.final.dissatisfied}`}>{pct(x.final.rate)}</Tooltip> },
    ...(r?.classScheme ?? []).map((c) => ({ key: `class-${c.code}`, title: <Tooltip title={c.label}>{c.code}类</Tooltip>, width: 56, cell: (x: StatsRow) => x.classMix[c.code] ?? 0 })),
    { key: 'returns', title: '退办（申请/同意）', width: 110, cell: (x) => `${x.returnRequests} / ${x.returnsApproved}` },
    { key: 'ext', title: '延期（申请/批准）', width: 110, cell: (x) => `${x.extensionRequests} / ${x.extensionsApproved}` },
    { key: 'days', title: withNote('平均办复用时'), width: 130, cell: (x) => `${days(x.avgDaysToReply)} 天 / ${days(x.avgWorkdaysToReply)} 工作日` },
  ];
  const columns = spec.map((c) => ({ key: c.key, title: c.title, width: c.width, align: 'right' as const, render: (_: unknown, x: StatsRow) => c.cell(x) }));

  const exportXlsx = async () => {
    try { await download(`/api/suggestions/stats.xlsx${qs({ sessionId })}`, '建议办理统计.xlsx'); } catch (e) { message.error(e instanceof ApiError ? e.message : '导出失败'); }
  };

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={`建议办理统计${r?.scope === 'unit' ? `（${me.user.orgUnitName ?? '本单位'}）` : ''}`}
        extra={
          <Space wrap>
            <Select
              allowClear placeholder="全部届次" style={{ width: 180 }} value={sessionId} onChange={setSessionId} data-testid="stats-session"
              options={(r?.sessions ?? []).map((s) => ({ value: s.id, label: s.name }))}
            />
            <Button onClick={exportXlsx} data-testid="stats-export">导出 Excel</Button>
          </Space>
        }
      >
        {q.isError && <Typography.Text type="danger">{q.error instanceof ApiError ? q.error.message : '统计加载失败'}</Typography.Text>}
        {head ? (
          <Row gutter={[16, 16]}>
            <Col xs={12} md={4}><Statistic title="主办件数" value={head.assigned} suffix="件" /></Col>
            <Col xs={12} md={4}><Statistic title="办复率" value={pct(head.replyRate)} /></Col>
            <Col xs={12} md={4}><Statistic title="按时办复率" value={pct(head.onTimeRate)} /></Col>
            <Col xs={12} md={4}><Statistic title="首轮满意率" value={pct(head.firstRound.rate)} /></Col>
            <Col xs={12} md={4}><Statistic title="最终满意率" value={pct(head.final.rate)} /></Col>
            <Col xs={12} md={4}>
              <Statistic title="平均办复用时" value={days(head.avgDaysToReply)} suffix="天" />
              <Typography.Text type="secondary">合 {days(head.avgWorkdaysToReply)} 个工作日</Typography.Text>
            </Col>
          </Row>
        ) : !q.isLoading && <Empty description="没有统计数据" />}
        {r && <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>统计日期 {formatDateCn(r.today)}；{r.sessionName ?? '全部届次'}。逾期按统计当日计算，不另存储。</Typography.Paragraph>}
      </Card>
      {r && head && (
        <Row gutter={16}>
          <Col xs={24} lg={16}>
            <Card title={r.scope === 'all' ? '各单位办复与满意情况' : '本单位办理进度'} size="small">{r.scope === 'all' ? <UnitRatesChart report={r} /> : <UnitWorkloadChart report={r} />}</Card>
          </Col>
          <Col xs={24} lg={8}>
            <Card title="答复分类构成" size="small"><ClassMixChart report={r} mix={mix} /></Card>
          </Col>
          {r.scope === 'all' && (
            <Col xs={24} style={{ marginTop: 16 }}>
              <Card title="各单位办理进度" size="small"><UnitWorkloadChart report={r} /></Card>
            </Col>
          )}
        </Row>
      )}
      {r && (
        <Card title="按承办单位" size="small">
          <Table<StatsRow & { unitId: string; unitName: string }>
            rowKey="unitId" size="small" pagination={false} scroll={{ x: 1500 }} dataSource={r.units} loading={q.isFetching} data-testid="stats-units"
            columns={[{ title: '承办单位', dataIndex: 'unitName', fixed: 'left', width: 200 }, ...columns]}
            summary={() => (r.total ? (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0}><strong>合计</strong></Table.Summary.Cell>
                {spec.map((c, i) => (
                  <Table.Summary.Cell key={c.key} index={i + 1} align="right"><strong>{c.cell(r.total!)}</strong></Table.Summary.Cell>
                ))}
              </Table.Summary.Row>
            ) : null)}
          />
        </Card>
      )}
      {r && r.bySession.length > 0 && (
        <Card title="按届次" size="small">
          <Table<StatsRow & { sessionId: string; sessionName: string }>
            rowKey="sessionId" size="small" pagination={false} scroll={{ x: 1500 }} dataSource={r.bySession}
            columns={[{ title: '届次', dataIndex: 'sessionName', fixed: 'left', width: 140 }, ...columns]}
          />
        </Card>
      )}
    </Space>
  );
}
