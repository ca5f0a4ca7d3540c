import { Link } from 'react-router';
import { Card, Col, Row, Statistic, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';
import type { z } from 'zod';
import type * as Pub from '../../../../server/modules/suggestions/publication/publication.schemas';

type Counts = z.infer<typeof Pub.PublicationCounts>;

/** The organizer's publication backlog: replies to review, to publish, and those past their deadline. */
export default function PublicationHomeCard() {
  const q = useQuery({ queryKey: ['suggestions', 'publication', 'counts'], queryFn: () => api.get<Counts>('/api/publication/counts') });
  const c = q.data;
  return (
    <Card title="答复公开" loading={q.isLoading} extra={<Link to="/suggestions/publication">去审核</Link>} data-testid="home-publication">
      {q.error && <Typography.Text type="danger">{(q.error as Error).message}</Typography.Text>}
      {c && (
        <Row gutter={16}>
          <Col span={8}><Link to="/suggestions/publication"><Statistic title="待审核" value={c.pending} /></Link></Col>
          <Col span={8}><Link to="/suggestions/publication?status=reviewed"><Statistic title="待公开" value={c.reviewed} /></Link></Col>
          <Col span={8}><Link to="/suggestions/publication"><Statistic title="逾期未公开" value={c.overdue} styles={{ content: { color: c.overdue ? '#cf1322' : undefined } }} /></Link></Col>
        </Row>
      )}
    </Card>
  );
}
