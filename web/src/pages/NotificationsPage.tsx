import { Button, Card, List, Space, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api } from '../lib/api';
import { formatInstant } from '../lib/format';
import type { z } from 'zod';
import type { NotificationList } from '../../../server/platform/notifications/notifications.schemas';

type Notifications = z.infer<typeof NotificationList>;

export default function NotificationsPage() {
  const qc = useQueryClient();
  const q = useQuery({ queryKey: ['notifications'], queryFn: () => api.get<Notifications>('/api/notifications') });
  const read = useMutation({
    mutationFn: (ids: string[] | 'all') => api.post('/api/notifications/read', { ids }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['notifications'] }),
  });
  return (
    <Card title={`通知（未读 ${q.data?.unread ?? 0}）`} extra={<Button onClick={() => read.mutate('all')} disabled={!q.data?.unread}>全部标为已读</Button>}>
      <List
        loading={q.isLoading}
        dataSource={q.data?.items ?? []}
        locale={{ emptyText: '暂无通知' }}
        renderItem={(n) => (
          <List.Item actions={n.readAt ? [] : [<a key="r" onClick={() => read.mutate([n.id])}>标为已读</a>]}>
            <List.Item.Meta
              title={<Space>{!n.readAt && <Tag color="red">未读</Tag>}{n.link ? <Link to={n.link}>{n.title}</Link> : n.title}</Space>}
              description={<><Typography.Text>{n.body}</Typography.Text><br /><Typography.Text type="secondary">{formatInstant(n.createdAt)}</Typography.Text></>}
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
