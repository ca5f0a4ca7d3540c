import type { ComponentType, HTMLAttributes, Key, ReactNode } from 'react';
import { Grid, List, Table, Typography, type TableProps } from 'antd';

/** The few column fields the phone cards read (antd's own column types are too heavy to check generically here). */
interface Col {
  title?: ReactNode | ((...a: never[]) => ReactNode);
  dataIndex?: string | number | ReadonlyArray<string | number>;
  key?: Key;
  hidden?: boolean;
  fixed?: unknown;
  children?: unknown;
  render?: (value: unknown, row: object, index: number) => unknown;
}
interface Loose {
  columns?: Col[];
  dataSource?: readonly object[];
  rowKey?: string | ((row: object, index?: number) => Key);
  loading?: boolean | object;
  locale?: { emptyText?: ReactNode | (() => ReactNode) };
  pagination?: false | Record<string, unknown>;
  onRow?: (row: object, index?: number) => object;
  expandable?: { expandedRowRender?: (row: object, index: number, indent: number, expanded: boolean) => ReactNode; rowExpandable?: (row: object) => boolean };
  'data-testid'?: string;
}

// Loosely typed on purpose: checking antd's generic Table and List props here makes the type check crawl.
const AnyTable = Table as unknown as ComponentType<object>;
const AnyList = List as unknown as ComponentType<Record<string, unknown>>;

function cellOf(col: Col, row: object, index: number): ReactNode {
  const path = col.dataIndex === undefined ? [] : Array.isArray(col.dataIndex) ? col.dataIndex : [col.dataIndex];
  let value: unknown = path.length ? row : undefined;
  for (const k of path) value = value == null ? value : (value as Record<string, unknown>)[String(k)];
  if (!col.render) return value as ReactNode;
  const out = col.render(value, row, index);
  return (out && typeof out === 'object' && 'children' in out && !('$$typeof' in out) ? (out as { children: ReactNode }).children : out) as ReactNode;
}

/** The row's buttons: the column fixed to the right, untitled, or keyed ops / actions (a column titled 操作 may be data, as in the audit log). */
const isActions = (col: Col) => col.fixed === 'right' || col.key === 'ops' || col.key === 'actions' || col.title === '';

/**
 * A table on a tablet or desktop; on a phone the same rows as a list of cards, each column a labelled line
 * (the first column is the card's heading, the buttons column its footer), so nothing needs sideways scrolling.
 * Takes the props of antd's Table; pagination, loading, the empty text, onRow attributes and expandable rows carry over.
 */
export function ResponsiveTable<T extends object>(tableProps: TableProps<T>) {
  const phone = Grid.useBreakpoint().md === false;
  if (!phone) return <AnyTable {...tableProps} />;
  const props = tableProps as unknown as Loose;
  const columns = (props.columns ?? []).filter((c) => !c.children && !c.hidden);
  const [head, ...rest] = columns;
  const fields = rest.filter((c) => !isActions(c));
  const actions = rest.filter(isActions);
  const keyOf = (row: object, i: number): Key =>
    typeof props.rowKey === 'function' ? props.rowKey(row, i) : (((row as Record<string, unknown>)[props.rowKey ?? 'key'] as Key) ?? i);
  const expand = props.expandable?.expandedRowRender;
  const emptyText = props.locale?.emptyText;
  const pagination = props.pagination === false ? false
    : props.pagination === undefined ? { pageSize: 10, hideOnSinglePage: true }
      : { size: 'small', ...props.pagination, showSizeChanger: false };
  return (
    <AnyList
      dataSource={props.dataSource}
      loading={typeof props.loading === 'boolean' ? props.loading : !!props.loading}
      locale={emptyText !== undefined ? { emptyText: typeof emptyText === 'function' ? emptyText() : emptyText } : undefined}
      pagination={pagination}
      data-testid={props['data-testid']}
      renderItem={(row: object, i: number) => (
        <List.Item key={keyOf(row, i)} {...(props.onRow?.(row, i) as HTMLAttributes<HTMLElement> | undefined)} style={{ display: 'block', padding: '12px 0' }}>
          <div style={{ fontWeight: 600, marginBottom: 6, overflowWrap: 'anywhere' }}>{head && cellOf(head, row, i)}</div>
          {fields.map((c, n) => (
            <div key={String(c.key ?? c.dataIndex ?? n)} style={{ display: 'flex', gap: 8, lineHeight: '22px', fontSize: 13 }}>
              <Typography.Text type="secondary" style={{ flex: '0 0 5.5em', fontSize: 13 }}>{typeof c.title === 'function' ? null : c.title}</Typography.Text>
              <div style={{ flex: 1, minWidth: 0, overflowWrap: 'anywhere' }}>{cellOf(c, row, i)}</div>
            </div>
          ))}
          {actions.length > 0 && <div style={{ marginTop: 8 }}>{actions.map((c, n) => <span key={n}>{cellOf(c, row, i)}</span>)}</div>}
          {expand && props.expandable?.rowExpandable?.(row) !== false && (
            <details style={{ marginTop: 6 }}>
              <summary style={{ cursor: 'pointer', color: '#8c8c8c', fontSize: 13 }}>详情</summary>
              <div style={{ overflowX: 'auto' }}>{expand(row, i, 0, true)}</div>
            </details>
          )}
        </List.Item>
      )}
    />
  );
}
