import { Link } from 'react-router';
import { Alert, Card, Empty, Input, List, Select, Space, Tabs, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { api, ApiError, qs } from '../../lib/api';
import { useUrlParams } from '../../lib/useUrlParams';
import { useSessions } from './data';
import { StateTag } from './components';
import { Marked } from './Marked';
import SimilarPanel from './SimilarPanel';
import type { SearchResult } from './toolsTypes';

/** Full-text search over suggestions and replies (what the viewer may read), and similar suggestions. */
export default function SearchPage() {
  const [params, set] = useUrlParams({ replace: true });
  const q = params.get('q') ?? '';
  const sessionId = params.get('sessionId') ?? undefined;
  const page = Number(params.get('page') ?? 1);
  // A long query is usually a draft's title (the drafting page links here with it): look for similar ones.
  const tab = params.get('tab') ?? ([...q].length >= 10 ? 'similar' : 'search');
  const sessions = useSessions();
  const result = useQuery({
    queryKey: ['suggestions', 'search', q, sessionId, page],
    queryFn: () => api.get<SearchResult>(`/api/suggestions/search${qs({ q, sessionId, page, pageSize: 20 })}`),
    enabled: q.trim().length > 0,
    placeholderData: (prev) => prev,
  });

  const search = (
    <div>
      <Space wrap style={{ marginBottom: 16, width: '100%' }}>
        <Input.Search
          key={q} defaultValue={q} allowClear enterButton="搜索" size="large" style={{ width: 460, maxWidth: '100%' }}
          placeholder="输入两个字以上的词，如 公交、户籍、第十中学、高工信发" onSearch={(v) => set({ q: v.trim() || undefined })} data-testid="search-input"
        />
        <Select
          allowClear placeholder="全部届次" style={{ width: 180 }} value={sessionId} onChange={(v) => set({ sessionId: v })}
          options={(sessions.data ?? []).map((s) => ({ value: s.id, label: `${s.body}${s.shortName}` }))}
        />
      </Space>
      {result.isError && <Alert type="error" showIcon message={result.error instanceof ApiError ? result.error.message : '检索失败'} />}
      {result.data?.method === 'substring' && <Alert type="info" showIcon style={{ marginBottom: 12 }} message="单个汉字按逐字匹配检索，结果可能较多；输入两个字以上的词更准确。" />}
      {q && result.data && (
        <List
          data-testid="search-results"
          header={<Typography.Text type="secondary">找到 {result.data.total} 件相关建议（标题、建议内容、答复正文）</Typography.Text>}
          dataSource={result.data.items}
          loading={result.isFetching}
          locale={{ emptyText: <Empty description={`没有找到包含“${q}”的建议或答复`} /> }}
          pagination={result.data.total > 20 ? { current: page, pageSize: 20, total: result.data.total, showSizeChanger: false, onChange: (p) => set({ page: String(p) }) } : false}
          renderItem={(it) => (
            <List.Item key={it.suggestionId} data-testid="search-item" style={{ display: 'block' }}>
              <Space wrap size={6} style={{ fontSize: 15, fontWeight: 500 }}>
                {it.access === 'internal'
                  ? <Link to={`/suggestions/${it.suggestionId}`}><Marked segments={it.titleSegments} /></Link>
                  : <span><Marked segments={it.titleSegments} /></span>}
                {it.state && <StateTag state={it.state} label={it.stateLabel ?? undefined} />}
                {it.access === 'public' && <Tag>公开答复</Tag>}
              </Space>
              <div style={{ color: 'rgba(0,0,0,0.45)', margin: '2px 0 6px' }}>
                {[`${it.sessionName}${it.number ? ` 第${it.number}号` : ''}`, it.category, it.leadDeputyName && `领衔：${it.leadDeputyName}`, it.leadUnitName && `主办：${it.leadUnitName}`].filter(Boolean).join(' · ')}
              </div>
              {it.hits.map((h, i) => (
                <div key={i} style={{ margin: '2px 0', lineHeight: 1.8 }}>
                  <Tag color={h.kind === 'suggestion' ? 'blue' : h.kind === 'reply' ? 'purple' : 'green'}>{h.label}</Tag>
                  <Marked segments={h.segments} />
                </div>
              ))}
              {it.access === 'public' && it.publishedReplyIds.map((id) => (
                <a key={id} href={`/public/replies/${id}`} target="_blank" rel="noreferrer" style={{ marginRight: 12 }}>阅读公开的答复</a>
              ))}
            </List.Item>
          )}
        />
      )}
      {!q && <Empty description="输入词语检索建议和答复。两个字的词（如“公交”“户籍”）可以找到所有包含它的建议。" />}
    </div>
  );

  return (
    <Card title="建议检索">
      <Tabs
        activeKey={tab}
        onChange={(k) => set({ tab: k })}
        items={[
          { key: 'search', label: '全文检索', children: search },
          { key: 'similar', label: '查找相似建议', children: <SimilarPanel initialTitle={q} autoRun={[...q].length >= 4} /> },
        ]}
      />
    </Card>
  );
}
