import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { Alert, Button, Card, Empty, Form, Input, List, Progress, Space, Tag, Typography } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { api, ApiError } from '../../lib/api';
import { formatDateCn } from '../../lib/format';
import { StateTag } from './components';
import type { SimilarResult } from './toolsTypes';

const SAT_COLORS = { satisfied: 'green', basically_satisfied: 'cyan', dissatisfied: 'red' } as const;

/**
 * Similar earlier suggestions for a draft (title + text), each with how it was answered. Usable on its own
 * page or beside a drafting form (pass `title`/`body` and it searches when asked).
 */
export default function SimilarPanel({ initialTitle = '', initialBody = '', excludeId, autoRun = false }: { initialTitle?: string; initialBody?: string; excludeId?: string; autoRun?: boolean }) {
  const [form] = Form.useForm<{ title: string; body: string }>();
  const similar = useMutation({
    mutationFn: (v: { title: string; body: string }) => api.post<SimilarResult>('/api/suggestions/similar', { ...v, excludeId, limit: 8 }),
  });
  const [touched, setTouched] = useState(false);
  // Opened with a draft's title: show what is similar straight away.
  useEffect(() => {
    if (autoRun && (initialTitle + initialBody).length >= 4) { setTouched(true); similar.mutate({ title: initialTitle, body: initialBody }); }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [autoRun, initialTitle, initialBody]);
  return (
    <div data-testid="similar-panel">
      <Form form={form} layout="vertical" initialValues={{ title: initialTitle, body: initialBody }} onFinish={(v) => { setTouched(true); similar.mutate(v); }}>
        <Form.Item name="title" label="建议标题"><Input placeholder="例如：关于加密开发区公交班次的建议" maxLength={100} showCount /></Form.Item>
        <Form.Item name="body" label="建议内容（可粘贴全文，越完整越准确）"><Input.TextArea rows={5} maxLength={20000} placeholder="开发区公交线路班次少，职工下班后无车可乘……" /></Form.Item>
        <Button type="primary" htmlType="submit" loading={similar.isPending}>查找相似建议</Button>
      </Form>
      {similar.isError && <Alert style={{ marginTop: 16 }} type="error" showIcon message={similar.error instanceof ApiError ? similar.error.message : '查找失败，请稍后再试'} />}
      {touched && similar.data && (
        <List
          style={{ marginTop: 16 }}
          header={<Typography.Text type="secondary">按二字词重合程度排序，共找到 {similar.data.items.length} 件相似的往届建议</Typography.Text>}
          dataSource={similar.data.items}
          locale={{ emptyText: <Empty description="没有找到相似的建议" /> }}
          renderItem={(s) => (
            <List.Item key={s.suggestionId} data-testid="similar-item">
              <Card size="small" style={{ width: '100%' }} title={
                <Space wrap>
                  {s.access === 'internal' ? <Link to={`/suggestions/${s.suggestionId}`}>{s.title}</Link> : <span>{s.title}</span>}
                  <Typography.Text type="secondary">{s.sessionName}{s.number ? ` 第${s.number}号` : ''}</Typography.Text>
                </Space>
              } extra={<Space><span>相似度</span><Progress type="circle" size={36} percent={Math.round(s.score * 100)} /></Space>}>
                <Space wrap style={{ marginBottom: 8 }}>
                  <StateTag state={s.state} label={s.stateLabel} />
                  {s.leadUnitName && <Tag>{s.leadUnitName}</Tag>}
                  <Tag>{s.category}</Tag>
                  {s.satisfactionLabel && s.satisfaction && <Tag color={SAT_COLORS[s.satisfaction]}>代表评价：{s.satisfactionLabel}</Tag>}
                  {s.access === 'public' && <Tag color="default">仅可见公开内容</Tag>}
                </Space>
                {s.sharedPhrases.length > 0 && (
                  <div style={{ marginBottom: 8 }}>
                    <Typography.Text type="secondary">共同词语：</Typography.Text>
                    {s.sharedPhrases.map((p) => <Tag key={p} color="gold">{p}</Tag>)}
                  </div>
                )}
                {s.reply ? (
                  <div>
                    <Typography.Text type="secondary">
                      如何答复：第{s.reply.round}轮{s.reply.docNumber ? ` · ${s.reply.docNumber}` : ''}{s.reply.replyDate ? ` · ${formatDateCn(s.reply.replyDate)}` : ''}
                      {s.reply.classCode ? ` · ${s.reply.classCode}类${s.reply.classLabel ? `（${s.reply.classLabel}）` : ''}` : ''}
                      {s.reply.published ? ' · 已公开' : ''}
                    </Typography.Text>
                    <Typography.Paragraph style={{ margin: '4px 0 0' }} ellipsis={{ rows: 3, expandable: true, symbol: '展开' }}>{s.reply.excerpt}</Typography.Paragraph>
                    {s.access === 'public' && s.reply.published && <a href={`/public/replies/${s.reply.id}`} target="_blank" rel="noreferrer">阅读公开的答复全文</a>}
                  </div>
                ) : (
                  <Typography.Text type="secondary">{s.access === 'public' ? '尚无公开的答复' : '尚未答复'}</Typography.Text>
                )}
              </Card>
            </List.Item>
          )}
        />
      )}
    </div>
  );
}
