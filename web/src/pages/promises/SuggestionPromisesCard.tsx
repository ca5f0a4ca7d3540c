import { Link } from 'react-router';
import { Card, Empty, Space, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';
import { ClockTag, DeliveryTag, DueText, pkeys, ProgressBar, StatusTag } from './components';
import type { PromiseView } from './types';
import { ResponsiveTable } from '../../lib/ResponsiveTable';

interface SuggestionPromises {
  today: string;
  items: PromiseView[];
  deputies: Array<{ deputyId: string; name: string; role: string; replySatisfactionLabel: string | null; firstRoundSatisfactionLabel: string | null; delivery: { kept: number; partly: number; notKept: number } }>;
  summary: { label: string } | null;
}

/**
 * For the suggestion page: its promises, and each deputy's two judgements side by side — 答复满意 (the reply)
 * and 落实满意 (the delivery of its promises).
 */
export function SuggestionPromisesCard({ suggestionId }: { suggestionId: string }) {
  const q = useQuery({ queryKey: pkeys.suggestion(suggestionId), queryFn: () => api.get<SuggestionPromises>(`/api/suggestions/${suggestionId}/promises`) });
  const d = q.data;
  return (
    <Card title="承诺落实" size="small" loading={q.isLoading} data-testid="suggestion-promises" extra={d?.summary && <Typography.Text type="secondary">{d.summary.label}</Typography.Text>}>
      {!d || d.items.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="答复中尚无已确认的承诺" /> : (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <ResponsiveTable<PromiseView> size="small" rowKey="id" pagination={false} dataSource={d.items} scroll={{ x: 640 }}
            columns={[
              { title: '承诺', key: 't', render: (_, p) => <Link to={`/promises/${p.id}`}>{p.text}</Link> },
              { title: '责任单位', key: 'o', width: 120, render: (_, p) => p.owner.shortName },
              { title: '时限', key: 'd', width: 130, render: (_, p) => <Space orientation="vertical" size={0}><DueText p={p} /><ClockTag p={p} /></Space> },
              { title: '状态', key: 's', width: 80, render: (_, p) => <StatusTag p={p} /> },
              { title: '进度', key: 'p', width: 110, render: (_, p) => <ProgressBar p={p} /> },
              { title: '落实评价', key: 'r', width: 110, render: (_, p) => <DeliveryTag d={p.delivery} /> },
            ]} />
          <Table size="small" rowKey="deputyId" pagination={false} dataSource={d.deputies}
            columns={[
              { title: '代表', dataIndex: 'name', render: (v, r) => <>{v}{r.role === 'lead' && <Tag style={{ marginInlineStart: 4 }}>领衔</Tag>}</> },
              { title: '答复满意', key: 'a', render: (_, r) => r.replySatisfactionLabel ?? <Typography.Text type="secondary">未评价</Typography.Text> },
              { title: '落实满意（兑现 / 部分 / 未兑现）', key: 'b', render: (_, r) => (r.delivery.kept + r.delivery.partly + r.delivery.notKept ? `${r.delivery.kept} / ${r.delivery.partly} / ${r.delivery.notKept}` : <Typography.Text type="secondary">未评价</Typography.Text>) },
            ]} />
        </Space>
      )}
    </Card>
  );
}
