import { useState } from 'react';
import { Card, Descriptions, Form, Input, Button, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { api, qs } from '../../lib/api';
import { formatInstant } from '../../lib/format';
import { ResponsiveTable } from '../../lib/ResponsiveTable';

interface Row {
  seq: number; id: string; at: string; actorName: string; action: string; actionLabel: string;
  entityType: string; entityLabel: string; entityId: string | null; entityName: string | null; before: unknown; after: unknown; hash: string;
}

export default function AuditPage() {
  const [filter, setFilter] = useState<{ action?: string; entityType?: string; entityId?: string }>({});
  const [page, setPage] = useState(1);
  const q = useQuery({ queryKey: ['audit', filter, page], queryFn: () => api.get<{ total: number; items: Row[] }>(`/api/audit${qs({ ...filter, page, pageSize: 30 })}`) });
  return (
    <Card title="审计日志">
      <Form layout="inline" onFinish={(v) => { setFilter(v); setPage(1); }} style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item name="action"><Input placeholder="操作代码（前缀，如 suggestion.）" allowClear /></Form.Item>
        <Form.Item name="entityType"><Input placeholder="对象类型（代码，如 suggestion）" allowClear /></Form.Item>
        <Form.Item name="entityId"><Input placeholder="对象 ID" allowClear /></Form.Item>
        <Button htmlType="submit" type="primary">筛选</Button>
      </Form>
      <ResponsiveTable<Row>
        rowKey="seq" size="small" loading={q.isLoading} dataSource={q.data?.items} scroll={{ x: 900 }}
        pagination={{ current: page, pageSize: 30, total: q.data?.total ?? 0, onChange: setPage, showTotal: (t) => `共 ${t} 条` }}
        expandable={{ expandedRowRender: (r) => (
          <Descriptions size="small" column={1} bordered data-testid="audit-detail" items={[
            { key: 'action', label: '操作代码', children: <Typography.Text code copyable>{r.action}</Typography.Text> },
            { key: 'entity', label: '对象', children: <>{r.entityLabel}（<Typography.Text code>{r.entityType}</Typography.Text>）{r.entityId && <> · ID <Typography.Text code copyable>{r.entityId}</Typography.Text></>}</> },
            { key: 'before', label: '修改前', children: <pre style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{JSON.stringify(r.before, null, 2)}</pre> },
            { key: 'after', label: '修改后', children: <pre style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{JSON.stringify(r.after, null, 2)}</pre> },
            { key: 'hash', label: '哈希（SM3）', children: <Typography.Text code style={{ wordBreak: 'break-all' }}>{r.hash}</Typography.Text> },
          ]} />
        ) }}
        columns={[
          { title: '序号', dataIndex: 'seq', width: 80 },
          { title: '时间', dataIndex: 'at', render: formatInstant, width: 160 },
          { title: '操作人', dataIndex: 'actorName' },
          { title: '操作', dataIndex: 'actionLabel', width: 200, render: (a: string, r) => <span title={r.action}>{a}</span> },
          { title: '对象', key: 'entity', render: (_, r) => <><Typography.Text type="secondary">{r.entityLabel}</Typography.Text>{r.entityName ? ` ${r.entityName}` : ''}</> },
        ]}
      />
    </Card>
  );
}
