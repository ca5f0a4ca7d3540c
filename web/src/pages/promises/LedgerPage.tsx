import { useMemo } from 'react';
import { App, Badge, Button, Card, Col, Drawer, Grid, Input, List, Row, Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, download, qs } from '../../lib/api';
import { useUrlParams } from '../../lib/useUrlParams';
import { useMe } from '../../lib/auth';
import { formatDateCn } from '../../lib/format';
import { ClockTag, DeliveryTag, DemoTag, DueText, pkeys, ProgressBar, StatusTag } from './components';
import { PromiseDetail } from './PromiseDetail';
import type { Ledger, PromiseView, Summary, SummaryGroup } from './types';

type View = 'list' | 'unit' | 'session' | 'status';
const FILTER_KEYS = ['unitId', 'sessionId', 'status', 'overdue', 'dueSoon', 'openEnded', 'review', 'q'] as const;

/** 承诺台账: every promise the viewer may read, with views by unit, session and status, and filters that combine. */
export default function LedgerPage() {
  const me = useMe();
  const { message } = App.useApp();
  const screens = Grid.useBreakpoint();
  const [params, set] = useUrlParams();
  const view = (params.get('view') as View) || 'list';
  const page = Number(params.get('page') ?? 1);
  const open = params.get('open');
  const filters = Object.fromEntries(FILTER_KEYS.map((k) => [k, params.get(k) ?? undefined])) as Record<(typeof FILTER_KEYS)[number], string | undefined>;
  const staff = me.user.role === 'unit_staff' || me.user.role === 'zone_staff';


  const query = { ...filters, page, pageSize: 20 };
  const ledger = useQuery({ queryKey: pkeys.ledger(query), queryFn: () => api.get<Ledger>(`/api/promises${qs(query)}`), placeholderData: keepPreviousData });
  const summary = useQuery({
    queryKey: pkeys.summary({ ...filters, groupBy: view }),
    queryFn: () => api.get<Summary>(`/api/promises/summary${qs({ ...filters, groupBy: view })}`),
    enabled: view !== 'list',
  });
  const d = ledger.data;

  const quick = [
    { key: 'all', label: '全部', count: d?.counts.all, active: !filters.overdue && !filters.dueSoon && !filters.openEnded && filters.review !== 'proposed', patch: { overdue: null, dueSoon: null, openEnded: null, review: null } },
    { key: 'overdue', label: '已逾期', count: d?.counts.overdue, color: '#cf1322', active: filters.overdue === '1', patch: { overdue: '1', dueSoon: null, openEnded: null, review: null } },
    { key: 'dueSoon', label: '30 天内到期', count: d?.counts.dueSoon, color: '#d46b08', active: filters.dueSoon === '1', patch: { dueSoon: '1', overdue: null, openEnded: null, review: null } },
    { key: 'openEnded', label: '无明确时限', count: d?.counts.openEnded, active: filters.openEnded === '1', patch: { openEnded: '1', overdue: null, dueSoon: null, review: null } },
    ...(staff || me.user.role === 'organizer' || me.user.role === 'admin' ? [{ key: 'proposed', label: '待确认', count: undefined, active: filters.review === 'proposed', patch: { review: 'proposed', overdue: null, dueSoon: null, openEnded: null } }] : []),
  ];

  const exportXlsx = async () => {
    try {
      await download(`/api/promises/export${qs(filters)}`, '承诺台账.xlsx');
    } catch (e) {
      message.error((e as Error).message);
    }
  };

  const columns = useMemo(() => [
    {
      title: '承诺', key: 'text', render: (_: unknown, p: PromiseView) => (
        <Space orientation="vertical" size={2}>
          <a onClick={() => set({ open: p.id }, true)} data-testid="ledger-row-link">{p.text}</a>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {p.suggestion.sessionName} {p.suggestion.label}{p.point ? ` · 第${p.point.ordinal}条` : ''} · {p.reply.unitName}答复 <DemoTag on={p.isDemo} />
          </Typography.Text>
        </Space>
      ),
    },
    { title: '责任单位', key: 'owner', width: 150, render: (_: unknown, p: PromiseView) => p.owner.name },
    { title: '完成时限', key: 'due', width: 150, render: (_: unknown, p: PromiseView) => <Space orientation="vertical" size={2}><DueText p={p} /><ClockTag p={p} /></Space> },
    { title: '状态', key: 'status', width: 90, render: (_: unknown, p: PromiseView) => (p.confirmed ? <StatusTag p={p} /> : <Tag color="blue">待确认</Tag>) },
    { title: '进度', key: 'progress', width: 130, render: (_: unknown, p: PromiseView) => <ProgressBar p={p} /> },
    { title: '答复满意', key: 'sat', width: 90, render: (_: unknown, p: PromiseView) => p.suggestion.replySatisfactionLabel ?? <Typography.Text type="secondary">—</Typography.Text> },
    { title: '落实评价', key: 'delivery', width: 120, render: (_: unknown, p: PromiseView) => <DeliveryTag d={p.delivery} /> },
  ], [params]); // eslint-disable-line react-hooks/exhaustive-deps

  const groupColumns = [
    { title: view === 'unit' ? '责任单位' : view === 'session' ? '届次' : '状态', dataIndex: 'name', render: (v: string, g: SummaryGroup) => <a onClick={() => set({ view: 'list', ...(view === 'unit' ? { unitId: g.key } : view === 'session' ? { sessionId: g.key } : { status: g.key }) })}>{v}</a> },
    { title: '承诺', dataIndex: 'total', width: 70 },
    { title: '已完成', dataIndex: 'done', width: 80 },
    { title: '推进中', dataIndex: 'inProgress', width: 80 },
    { title: '已逾期', dataIndex: 'overdue', width: 80, render: (v: number) => (v ? <Typography.Text type="danger" strong>{v}</Typography.Text> : 0) },
    { title: '30 天内到期', dataIndex: 'dueSoon', width: 100 },
    { title: '无明确时限', dataIndex: 'openEnded', width: 100 },
    { title: '延期 / 终止', key: 'sd', width: 100, render: (_: unknown, g: SummaryGroup) => `${g.slipped} / ${g.dropped}` },
    { title: '完成率', dataIndex: 'doneRate', width: 80, render: (v: number) => `${v}%` },
    { title: '落实评价（兑现/部分/未）', key: 'r', width: 170, render: (_: unknown, g: SummaryGroup) => `${g.kept} / ${g.partly} / ${g.notKept}` },
  ];

  return (
    <Card title="承诺台账" data-testid="promise-ledger"
      extra={<Space><a href="/public/promises" target="_blank" rel="noreferrer">公开台账</a><Button onClick={exportXlsx} data-testid="ledger-export">导出 Excel</Button></Space>}>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Segmented value={view} onChange={(v) => set({ view: v === 'list' ? null : String(v) })}
          options={[{ value: 'list', label: '明细' }, { value: 'unit', label: '按单位' }, { value: 'session', label: '按届次' }, { value: 'status', label: '按状态' }]} />
        <Space wrap size={[8, 8]}>
          {quick.map((t) => (
            <Tag.CheckableTag key={t.key} checked={t.active} onChange={() => set(t.patch)} data-testid={`quick-${t.key}`} style={{ padding: '2px 10px', border: '1px solid #d9d9d9' }}>
              {t.label}{t.count !== undefined && <Badge count={t.count} showZero size="small" color={t.active ? '#fff' : t.color ?? '#8c8c8c'} style={{ marginInlineStart: 6, color: t.active ? '#1677ff' : undefined }} />}
            </Tag.CheckableTag>
          ))}
        </Space>
        <Row gutter={[8, 8]}>
          <Col xs={24} sm={12} md={6}>
            <Select allowClear placeholder="责任单位" style={{ width: '100%' }} value={filters.unitId} onChange={(v) => set({ unitId: v })} aria-label="责任单位"
              showSearch optionFilterProp="label" options={(d?.filters.units ?? []).map((u) => ({ value: u.id, label: u.name }))} />
          </Col>
          <Col xs={24} sm={12} md={5}>
            <Select allowClear placeholder="届次" style={{ width: '100%' }} value={filters.sessionId} onChange={(v) => set({ sessionId: v })} aria-label="届次"
              options={(d?.filters.sessions ?? []).map((s) => ({ value: s.id, label: s.name }))} />
          </Col>
          <Col xs={24} sm={12} md={6}>
            <Select mode="multiple" allowClear placeholder="状态" style={{ width: '100%' }} aria-label="状态" value={filters.status ? filters.status.split(',') : []}
              onChange={(v: string[]) => set({ status: v.join(',') })} options={d?.filters.statuses ?? []} />
          </Col>
          <Col xs={24} sm={12} md={7}>
            <Input.Search allowClear placeholder="承诺内容、建议标题、单位" defaultValue={filters.q} onSearch={(v) => set({ q: v.trim() })} aria-label="关键词" />
          </Col>
        </Row>
        {view === 'list' && !screens.md ? (
          <List<PromiseView> loading={ledger.isFetching} dataSource={d?.items} locale={{ emptyText: '没有符合条件的承诺' }}
            pagination={{ current: page, pageSize: 20, total: d?.total ?? 0, size: 'small', onChange: (pg) => set({ page: String(pg) }, true) }}
            renderItem={(p) => (
              <List.Item key={p.id} data-testid="ledger-row">
                <Space orientation="vertical" size={4} style={{ width: '100%' }}>
                  <a onClick={() => set({ open: p.id }, true)} data-testid="ledger-row-link">{p.text}</a>
                  <Space wrap size={4}>
                    {p.confirmed ? <StatusTag p={p} /> : <Tag color="blue">待确认</Tag>}
                    <DueText p={p} />
                    <ClockTag p={p} />
                    <DeliveryTag d={p.delivery} />
                  </Space>
                  <ProgressBar p={p} />
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>{p.owner.name} · {p.suggestion.sessionName} {p.suggestion.label} <DemoTag on={p.isDemo} /></Typography.Text>
                </Space>
              </List.Item>
            )} />
        ) : view === 'list' ? (
          <Table<PromiseView> rowKey="id" size="middle" loading={ledger.isFetching} dataSource={d?.items} columns={columns} scroll={{ x: 960 }}
            locale={{ emptyText: '没有符合条件的承诺' }}
            pagination={{ current: page, pageSize: 20, total: d?.total ?? 0, showSizeChanger: false, showTotal: (t) => `共 ${t} 项`, onChange: (pg) => set({ page: String(pg) }, true) }}
            onRow={(p) => ({ 'data-testid': `ledger-row`, 'data-overdue': p.clock === 'overdue' ? '1' : '0' } as React.HTMLAttributes<HTMLElement>)} />
        ) : (
          <Table<SummaryGroup> rowKey="key" size="middle" loading={summary.isFetching} dataSource={summary.data?.groups} columns={groupColumns} pagination={false} scroll={{ x: 900 }}
            data-testid="ledger-summary" />
        )}
        {d && <Typography.Text type="secondary" style={{ fontSize: 12 }}>截至 {formatDateCn(d.today)}。逾期按完成时限逐日计算，不另行登记；延期须写明原因和新的时限。</Typography.Text>}
      </Space>
      <Drawer open={!!open} onClose={() => set({ open: null }, true)} size={screens.lg ? 980 : '100%'} title="承诺详情" destroyOnHidden>
        {open && <PromiseDetail id={open} />}
      </Drawer>
    </Card>
  );
}
