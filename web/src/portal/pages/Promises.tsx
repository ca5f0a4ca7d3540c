import { fmtDate, usePublic } from '../fetch';
import { Link, navigate, useLocation } from '../router';
import { Loading, Progress, Tag } from '../ui';

// The public promise views; field names follow GET /api/public/promises.
export interface PublicPromise {
  id: string; text: string; due: string | null; openEnded: boolean; status: string; statusLabel: string; progress: number; overdue: boolean;
  ownerName: string | null; action: string | null; target: string | null;
  suggestion: { number: number | null; title: string; sessionName: string } | null; replyId: string | null;
  delivery: { kept: number; partly: number; notKept: number; setAsideNote?: string | null } | null;
  /** Where progress and status come from (a key project, milestone, greening target or facility). */
  source?: { kindLabel: string; name: string | null; stateText: string | null; note: string } | null;
  statusReason?: string | null;
  isDemo?: boolean;
}
export interface PublicPromiseList { total: number; items: PublicPromise[]; filters: { units: Array<{ id: string; name: string }>; sessions: Array<{ id: string; name: string }> } }
export interface PublicPromiseDetail extends PublicPromise {
  history: Array<{ at: string; text: string }>;
}

const STATUS_TONE: Record<string, 'green' | 'orange' | 'red' | 'blue' | 'default'> = { done: 'green', in_progress: 'blue', planned: 'default', slipped: 'orange', dropped: 'red' };
const VIEWS = [
  { key: '', label: '全部' },
  { key: 'overdue', label: '已逾期' },
  { key: 'due30', label: '30天内到期' },
  { key: 'done', label: '已完成' },
];

export function PromiseCard({ p }: { p: PublicPromise }) {
  return (
    <li className="card">
      <Link to={`/public/promises/${p.id}`}><strong>{p.text}</strong></Link>
      <div className="tags">
        <Tag tone={STATUS_TONE[p.status] ?? 'default'}>{p.statusLabel}</Tag>
        {p.overdue && <Tag tone="red">已逾期</Tag>}
        {p.openEnded ? <Tag>无明确时限</Tag> : p.due && <Tag>期限 {fmtDate(p.due)}</Tag>}
        {p.target && <Tag tone="blue">目标 {p.target}</Tag>}
        {p.isDemo && <Tag>演示数据</Tag>}
      </div>
      <Progress value={p.progress} label="落实进度" />
      {p.source && <div className="small" data-testid="public-promise-source">{p.source.note}</div>}
      {p.statusReason && <div className="small">滞后原因：{p.statusReason}</div>}
      <div className="muted small">{p.ownerName ?? '—'}{p.suggestion ? ` · ${p.suggestion.sessionName} 第${p.suggestion.number ?? '—'}号` : ''}</div>
      {p.delivery && (p.delivery.kept + p.delivery.partly + p.delivery.notKept) > 0 && (
        <div className="small">代表评价：兑现 {p.delivery.kept} · 部分兑现 {p.delivery.partly} · 未兑现 {p.delivery.notKept}</div>
      )}
      {p.delivery?.setAsideNote && <div className="small muted">{p.delivery.setAsideNote}</div>}
    </li>
  );
}

export function PromisesPage() {
  const { search } = useLocation();
  const view = search.get('view') ?? '';
  const unitId = search.get('unit') ?? '';
  const replyId = search.get('reply') ?? '';
  const params = new URLSearchParams({ ...(view === 'done' ? { status: 'done' } : view ? { view } : {}), ...(unitId ? { unitId } : {}), ...(replyId ? { replyId } : {}) });
  const state = usePublic<PublicPromiseList>(`/api/public/promises?${params}`);
  const go = (patch: Record<string, string>) => {
    const next = new URLSearchParams({ ...(view ? { view } : {}), ...(unitId ? { unit: unitId } : {}), ...(replyId ? { reply: replyId } : {}), ...patch });
    for (const [k, v] of [...next.entries()]) if (!v) next.delete(k);
    navigate(`/public/promises${next.size ? `?${next}` : ''}`);
  };
  return (
    <section>
      <h1>承诺落实台账</h1>
      <p className="muted small">答复中作出的每一项承诺：谁负责、何时完成、进展如何，以及代表的落实评价。</p>
      <div className="filters" role="tablist">
        {VIEWS.map((v) => <button key={v.key} role="tab" aria-selected={view === v.key} className={`chip${view === v.key ? ' on' : ''}`} onClick={() => go({ view: v.key })}>{v.label}</button>)}
      </div>
      <Loading state={state}>
        {(d) => (
          <>
            <div className="filters">
              <select aria-label="责任单位" value={unitId} onChange={(e) => go({ unit: e.target.value })}>
                <option value="">全部责任单位</option>
                {d.filters.units.map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
              </select>
            </div>
            {replyId && <p className="small">仅显示一份答复中的承诺。<a href="/public/promises" onClick={(e) => { e.preventDefault(); go({ reply: '' }); }}>显示全部</a></p>}
            <p className="muted">共 {d.total} 项</p>
            <ul className="cards">{d.items.map((p) => <PromiseCard key={p.id} p={p} />)}</ul>
            {d.items.length === 0 && <p className="muted">没有符合条件的承诺。</p>}
          </>
        )}
      </Loading>
    </section>
  );
}

export function PromisePage({ id }: { id: string }) {
  const state = usePublic<PublicPromiseDetail>(`/api/public/promises/${encodeURIComponent(id)}`);
  return (
    <Loading state={state}>
      {(p) => (
        <section>
          <p className="muted small"><Link to="/public/promises">← 承诺台账</Link></p>
          <ul className="cards"><PromiseCard p={p} /></ul>
          {p.replyId && <p><Link to={`/public/replies/${p.replyId}`}>阅读作出承诺的答复 →</Link></p>}
          <h2>落实过程</h2>
          <ol className="timeline">
            {p.history.map((h, i) => <li key={i}><strong>{fmtDate(h.at)}</strong> {h.text}</li>)}
          </ol>
          {p.history.length === 0 && <p className="muted">暂无记录。</p>}
        </section>
      )}
    </Loading>
  );
}
