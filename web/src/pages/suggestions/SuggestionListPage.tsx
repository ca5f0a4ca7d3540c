import { Link, useNavigate } from 'react-router';
import { Button, Card, Grid, Input, Segmented, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { SUGGESTION_STATES, STATE_LABELS } from '../../../../domain/suggestion-states';
import { api, qs } from '../../lib/api';
import { useUrlParams } from '../../lib/useUrlParams';
import { useMe } from '../../lib/auth';
import { formatDateCn } from '../../lib/format';
import { keys, unitOptions, useHandlingUnits, useSessions } from './data';
import { ClockTag, StateTag, SuggestionCards } from './components';
import { ExportButton } from './ExportPanel';
import type { SuggestionListItem, SuggestionPage } from './types';

const SATISFACTION_TEXT = { satisfied: '满意', basically_satisfied: '基本满意', dissatisfied: '不满意' } as const;

/** The register of suggestions with filters kept in the address, so a link can open a filtered list. */
export default function SuggestionListPage() {
  const me = useMe();
  const navigate = useNavigate();
  const [params, set] = useUrlParams({ replace: true });
  const filters = {
    sessionId: params.get('sessionId') ?? undefined,
    state: params.getAll('state'),
    unitId: params.get('unitId') ?? undefined,
    keySupervision: params.get('keySupervision') ?? undefined,
    clock: params.get('clock') ?? undefined,
    q: params.get('q') ?? undefined,
    page: Number(params.get('page') ?? 1),
    pageSize: Number(params.get('pageSize') ?? 20),
  };

  const sessions = useSessions();
  const units = useHandlingUnits();
  const list = useQuery({
    queryKey: keys.list(filters),
    queryFn: () => {
      const base = qs({ sessionId: filters.sessionId, unitId: filters.unitId, keySupervision: filters.keySupervision, clock: filters.clock, q: filters.q, page: filters.page, pageSize: filters.pageSize });
      const states = filters.state.map((s) => `state=${encodeURIComponent(s)}`).join('&');
      return api.get<SuggestionPage>(`/api/suggestions${base}${states ? (base ? '&' : '?') + states : ''}`);
    },
    placeholderData: (prev) => prev,
  });

  return (
    <Card
      title="建议登记与办理"
      extra={(
        <Space wrap>
          {me.user.role === 'organizer' && <Button type="primary" onClick={() => navigate('/suggestions/new')}>登记建议</Button>}
          <ExportButton filters={{ sessionId: filters.sessionId, state: filters.state, unitId: filters.unitId, keySupervision: filters.keySupervision, clock: filters.clock, q: filters.q }}>按当前筛选导出</ExportButton>
          {me.user.role === 'organizer' && <Button onClick={() => navigate('/suggestions/import')}>导入</Button>}
        </Space>
      )}
    >
      <Space wrap style={{ marginBottom: 16 }} size={[12, 12]}>
        <Select allowClear placeholder="全部届次" style={{ width: 150 }} value={filters.sessionId} onChange={(v) => set({ sessionId: v })}
          options={(sessions.data ?? []).map((s) => ({ value: s.id, label: `${s.body} ${s.shortName}` }))} aria-label="届次" />
        <Select mode="multiple" allowClear placeholder="全部状态" style={{ minWidth: 180, maxWidth: 360 }} value={filters.state} onChange={(v) => set({ state: v })}
          options={SUGGESTION_STATES.map((s) => ({ value: s, label: STATE_LABELS[s] }))} aria-label="状态" maxTagCount="responsive" />
        <Select allowClear showSearch={{ optionFilterProp: 'label' }} placeholder="全部承办单位" style={{ width: 200 }} value={filters.unitId} onChange={(v) => set({ unitId: v })}
          options={unitOptions(units.data)} aria-label="承办单位" />
        <Segmented value={filters.clock ?? 'all'} onChange={(v) => set({ clock: v === 'all' ? undefined : String(v) })}
          options={[{ value: 'all', label: '全部期限' }, { value: 'due_soon', label: '临期' }, { value: 'overdue', label: '逾期' }]} />
        <Space size={4}><Switch size="small" checked={filters.keySupervision === '1'} onChange={(c) => set({ keySupervision: c ? '1' : undefined })} aria-label="只看重点督办" />只看重点督办</Space>
        <Input.Search allowClear placeholder="标题或编号" defaultValue={filters.q} onSearch={(v) => set({ q: v })} style={{ width: 200 }} />
      </Space>
      <SuggestionTable
        items={list.data?.items}
        loading={list.isLoading || list.isFetching}
        pagination={{
          current: filters.page, pageSize: filters.pageSize, total: list.data?.total ?? 0, showSizeChanger: true,
          showTotal: (t: number) => `共 ${t} 件`, onChange: (page: number, pageSize: number) => set({ page: String(page), pageSize: String(pageSize) }),
        }}
      />
      {list.error && <Typography.Text type="danger">{(list.error as Error).message}</Typography.Text>}
    </Card>
  );
}

export function SuggestionTable({ items, loading, pagination, showUnit = true }: {
  items: SuggestionListItem[] | undefined; loading?: boolean; pagination?: object | false; showUnit?: boolean;
}) {
  const phone = Grid.useBreakpoint().md === false;
  if (phone) return <SuggestionCards items={items} loading={loading} pagination={pagination} />;
  return (
    <Table<SuggestionListItem>
      rowKey="id" size="middle" loading={loading} dataSource={items} pagination={pagination ?? false} scroll={{ x: 980 }}
      locale={{ emptyText: '没有符合条件的建议' }}
      columns={[
        { title: '编号', key: 'no', width: 110, render: (_, s) => <>{s.sessionShortName}<br />{s.number ? `第${s.number}号` : '未编号'}</> },
        {
          title: '标题', dataIndex: 'title',
          render: (t, s) => (
            <Space orientation="vertical" size={0}>
              <Link to={`/suggestions/${s.id}`}>{t}</Link>
              <Space size={4} wrap>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>{s.category} · {s.leadDeputy.name}{s.signerNames.length > 1 ? ` 等${s.signerNames.length}人` : ''}</Typography.Text>
                {s.keySupervision && <Tag color="red" variant="filled">重点督办</Tag>}
                {s.isDemo && <Tag variant="filled">演示</Tag>}
              </Space>
            </Space>
          ),
        },
        ...(showUnit ? [{ title: '主办单位', key: 'unit', width: 150, render: (_: unknown, s: SuggestionListItem) => s.leadUnit?.name ?? '—' }] : []),
        { title: '状态', key: 'state', width: 140, render: (_, s) => <StateTag state={s.state} label={s.stateLabel} round={s.round} /> },
        {
          title: '办理期限', key: 'due', width: 210,
          render: (_, s) => s.clock ? <Space orientation="vertical" size={0}><ClockTag clock={s.clock} /><Typography.Text type="secondary" style={{ fontSize: 12 }}>{formatDateCn(s.clock.dueDate)}</Typography.Text></Space>
            : s.dueDate ? <Typography.Text type="secondary">{formatDateCn(s.dueDate)}</Typography.Text> : '—',
        },
        { title: '评价', key: 'sat', width: 90, render: (_, s) => s.finalSatisfaction ? <Tag color={s.finalSatisfaction === 'dissatisfied' ? 'red' : 'green'}>{SATISFACTION_TEXT[s.finalSatisfaction]}</Tag> : '—' },
      ]}
    />
  );
}
