import { Popconfirm, Space } from 'antd';
import { api } from '../../lib/api';
import { useApiMutation } from '../../lib/useApiMutation';

/** Create or change (with the version read) and delete rows of one park-life list. */
export function useListEditor<T extends { id: string; version: number }>(path: string, onSaved: () => void) {
  const save = useApiMutation(
    (v: { row: T | null; body: Record<string, unknown> }) => (v.row ? api.patch(`${path}/${v.row.id}`, { ...v.body, version: v.row.version }) : api.post(path, v.body)),
    { invalidate: [['parklife']], success: '已保存', onSuccess: onSaved },
  );
  const remove = useApiMutation((row: T) => api.delete(`${path}/${row.id}?version=${row.version}`), { invalidate: [['parklife']], success: '已删除' });
  return { save, remove };
}

export function RowActions<T extends { id: string; version: number }>({ row, onEdit, remove, what }: { row: T; onEdit: (r: T) => void; remove: { mutate: (r: T) => void }; what: string }) {
  return (
    <Space>
      <a onClick={() => onEdit(row)}>编辑</a>
      <Popconfirm title={`删除${what}？`} onConfirm={() => remove.mutate(row)}><a>删除</a></Popconfirm>
    </Space>
  );
}
