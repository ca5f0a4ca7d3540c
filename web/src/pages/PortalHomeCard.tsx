import { Link } from 'react-router';
import { Card, List, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { api } from '../lib/api';

interface Counted { total: number }

/**
 * The home of roles whose own pages (全代办事项, 企业服务) are not in the system yet: what they can do
 * today — their notifications and the public portal — with live counts, and no promise of more.
 */
export default function PortalHomeCard() {
  const unread = useQuery({ queryKey: ['notifications', 'count'], queryFn: () => api.get<{ unread: number }>('/api/notifications?unread=1') });
  const replies = useQuery({ queryKey: ['public', 'replies', 'count'], queryFn: () => api.get<Counted>('/api/public/replies?page=1&pageSize=1') });
  const promises = useQuery({ queryKey: ['public', 'promises', 'count'], queryFn: () => api.get<{ counts: { total: number; done: number } }>('/api/public/promises?page=1&pageSize=1') });
  const projects = useQuery({ queryKey: ['public', 'projects', 'count'], queryFn: () => api.get<unknown[]>('/api/public/projects') });
  const n = (v: number | undefined, unit: string) => (v === undefined ? '' : `（${v} ${unit}）`);
  const items = [
    { key: 'notifications', title: <Link to="/notifications">通知{unread.data ? `（未读 ${unread.data.unread}）` : ''}</Link>, text: '与您有关的系统通知。' },
    { key: 'replies', title: <a href="/public/replies">已公开的建议答复{n(replies.data?.total, '件')}</a>, text: '承办单位对人大代表建议的答复全文，个人信息已隐去。' },
    { key: 'promises', title: <a href="/public/promises">承诺台账{n(promises.data?.counts.total, '项')}</a>, text: '答复中承诺的事项、完成时限和落实进度。' },
    { key: 'projects', title: <a href="/public/projects">重点项目进度{n(projects.data?.length, '个')}</a>, text: '各重点项目的形象进度、里程碑和现场照片。' },
    { key: 'life', title: <a href="/public/life">园区生活</a>, text: '公交线路与时刻、水电气暖、学校招生和园区设施。' },
  ];
  return (
    <Card title="现在可以做什么" data-testid="home-portal" extra={<a href="/public">打开公众门户 →</a>}>
      <Typography.Paragraph type="secondary">
        本系统目前为您的账号提供通知和公开信息查询；代办事项、企业服务尚不在本系统中办理。
      </Typography.Paragraph>
      <List size="small" dataSource={items} renderItem={(i) => <List.Item key={i.key}><List.Item.Meta title={i.title} description={i.text} /></List.Item>} />
    </Card>
  );
}
