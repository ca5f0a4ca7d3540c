import { useState } from 'react';
import { Link } from 'react-router';
import { Alert, Card, Empty, List, Segmented, Space, Spin, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';
import { formatDateCn } from '../../lib/format';
import { DemoTag, DueText, pkeys, ProgressBar, StatusTag } from './components';
import { RatingForm } from './dialogs';
import type { PromiseView } from './types';

/** 落实评价: a deputy's list of promises of their suggestions that have fallen due, each with the rating form. */
export default function RatePage() {
  const [all, setAll] = useState(false);
  const q = useQuery({ queryKey: pkeys.toRate(all), queryFn: () => api.get<{ today: string; pending: number; items: PromiseView[] }>(`/api/promises/to-rate${all ? '?all=1' : ''}`) });
  return (
    <Card title="落实评价" data-testid="rate-page"
      extra={<Segmented value={all ? 'all' : 'pending'} onChange={(v) => setAll(v === 'all')} options={[{ value: 'pending', label: `待评价${q.data && !all ? `（${q.data.pending}）` : ''}` }, { value: 'all', label: '全部已到期' }]} />}>
      <Typography.Paragraph type="secondary">
        答复中的承诺到期或完成后，请评价是否兑现。这是与“答复满意”并列的第二次评价：看的不是答复怎么写，而是承诺有没有做到。承诺此后有新的进展时，可以重新评价，以最新一次为准。
      </Typography.Paragraph>
      {q.isLoading ? <div style={{ textAlign: 'center', padding: 32 }}><Spin /></div> : (q.data?.items.length ?? 0) === 0 ? (
        <Empty description={all ? '您的建议中还没有到期的承诺' : '没有待评价的承诺'} />
      ) : (
        <List dataSource={q.data!.items} itemLayout="vertical" renderItem={(p) => (
          <List.Item key={p.id} data-testid="to-rate-item">
            <Space orientation="vertical" size={6} style={{ width: '100%' }}>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>{p.suggestion.sessionName} {p.suggestion.label} · {p.suggestion.title}</Typography.Text>
              <Link to={`/promises/${p.id}`}><Typography.Text strong>{p.text}</Typography.Text></Link>
              <Space wrap>
                <StatusTag p={p} />
                <span>责任单位：{p.owner.name}</span>
                <span>完成时限：<DueText p={p} /></span>
                {p.doneOn && <span>完成于 {formatDateCn(p.doneOn)}</span>}
                <DemoTag on={p.isDemo} />
              </Space>
              <div style={{ maxWidth: 360 }}><ProgressBar p={p} /></div>
              {p.source && <Typography.Text type="secondary" data-testid="rate-source">{p.source.note}</Typography.Text>}
              {p.statusReason && <Alert type="warning" showIcon title={`${p.status === 'dropped' ? '终止' : p.source && p.status !== 'slipped' ? '滞后' : '延期'}原因：${p.statusReason}`} />}
              <Space wrap size={4}>
                <Typography.Text type="secondary">答复满意：</Typography.Text>{p.suggestion.replySatisfactionLabel ? <Tag>{p.suggestion.replySatisfactionLabel}</Tag> : <Typography.Text type="secondary">尚未评价</Typography.Text>}
                <Typography.Text type="secondary" style={{ marginInlineStart: 12 }}>我的落实评价：</Typography.Text>{p.delivery.mine ? <Tag color={{ kept: 'green', partly: 'orange', not_kept: 'red' }[p.delivery.mine.rating]}>{p.delivery.mine.label}</Tag> : <Typography.Text type="secondary">未评价</Typography.Text>}
              </Space>
              {p.can.rate && <RatingForm p={p} />}
            </Space>
          </List.Item>
        )} />
      )}
    </Card>
  );
}
