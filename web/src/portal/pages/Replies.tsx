import { useState } from 'react';
import { fmtDate, usePublic } from '../fetch';
import { Link, navigate, useLocation } from '../router';
import { Loading, Tag } from '../ui';
import type { ReplyDetail, ReplyList } from '../types';

export function RepliesPage() {
  const { search } = useLocation();
  const q = search.get('q') ?? '';
  const sessionId = search.get('session') ?? '';
  const unitId = search.get('unit') ?? '';
  const page = Number(search.get('page') ?? 1);
  const [text, setText] = useState(q);
  const params = new URLSearchParams({ page: String(page), pageSize: '20', ...(q ? { q } : {}), ...(sessionId ? { sessionId } : {}), ...(unitId ? { unitId } : {}) });
  const state = usePublic<ReplyList>(`/api/public/replies?${params}`);
  const go = (patch: Record<string, string>) => {
    const next = new URLSearchParams({ ...(q ? { q } : {}), ...(sessionId ? { session: sessionId } : {}), ...(unitId ? { unit: unitId } : {}), ...patch });
    for (const [k, v] of [...next.entries()]) if (!v) next.delete(k);
    navigate(`/public/replies${next.size ? `?${next}` : ''}`);
  };
  return (
    <section>
      <h1>建议答复公开</h1>
      <form className="search" onSubmit={(e) => { e.preventDefault(); go({ q: text.trim(), page: '' }); }}>
        <input value={text} onChange={(e) => setText(e.target.value)} placeholder="搜索答复内容，如：公交、户籍、学校" aria-label="搜索答复" />
        <button type="submit">搜索</button>
      </form>
      <Loading state={state}>
        {(d) => (
          <>
            <div className="filters">
              <select aria-label="届次" value={sessionId} onChange={(e) => go({ session: e.target.value, page: '' })}>
                <option value="">全部届次</option>
                {d.filters.sessions.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
              </select>
              <select aria-label="承办单位" value={unitId} onChange={(e) => go({ unit: e.target.value, page: '' })}>
                <option value="">全部承办单位</option>
                {d.filters.units.map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
              </select>
            </div>
            <p className="muted">共 {d.total} 件{q ? `，含“${q}”` : ''}</p>
            {d.items.length === 0 && <p className="muted">暂无公开的答复。</p>}
            <ul className="cards">
              {d.items.map((r) => (
                <li key={r.id} className="card">
                  <Link to={`/public/replies/${r.id}`}><strong>{r.title}</strong></Link>
                  <div className="muted small">{r.sessionName} 第{r.suggestionNumber ?? '—'}号 · {r.unitName} · {fmtDate(r.replyDate)}</div>
                  <div className="small">{r.suggestionTitle}</div>
                  <div className="tags">{r.docNumber && <Tag>{r.docNumber}</Tag>}{r.classCode && <Tag tone="blue">{r.classCode}类{r.classLabel ? ` ${r.classLabel}` : ''}</Tag>}{r.round > 1 && <Tag tone="orange">第{r.round}轮答复</Tag>}</div>
                </li>
              ))}
            </ul>
            {d.total > d.pageSize && (
              <nav className="pager">
                {page > 1 && <button onClick={() => go({ page: String(page - 1) })}>上一页</button>}
                <span>第 {page} / {Math.ceil(d.total / d.pageSize)} 页</span>
                {page * d.pageSize < d.total && <button onClick={() => go({ page: String(page + 1) })}>下一页</button>}
              </nav>
            )}
          </>
        )}
      </Loading>
    </section>
  );
}

export function ReplyPage({ id }: { id: string }) {
  const state = usePublic<ReplyDetail>(`/api/public/replies/${encodeURIComponent(id)}`);
  return (
    <Loading state={state}>
      {(r) => (
        <article className="document">
          <p className="muted small"><Link to="/public/replies">← 全部答复</Link></p>
          {r.docNumber && <p className="docno">{r.docNumber}</p>}
          <h1 className="doc-title">{r.title}</h1>
          <p className="muted small center">{r.suggestion.sessionName} 第{r.suggestion.number ?? '—'}号{r.suggestion.kind} · 承办：{r.unit.name}{r.classCode ? ` · ${r.classCode}类` : ''}{r.round > 1 ? ` · 第${r.round}轮答复` : ''}</p>
          <p>{r.addressee}</p>
          {r.intro?.split('\n').map((p, i) => <p key={i} className="para">{p}</p>)}
          {r.points.map((p) => (
            <div key={p.ordinal} className="point">
              {p.heading && <h2>{toChineseOrdinal(p.ordinal)}、{p.heading}</h2>}
              {p.text.split('\n').map((t, i) => <p key={i} className="para">{t}</p>)}
              {p.responsibleOrgName && <p className="muted small">责任单位：{p.responsibleOrgName}</p>}
            </div>
          ))}
          <p className="para">{r.closing}</p>
          <p className="sign">{r.signature.organ}<br />{fmtDate(r.signature.date)}</p>
          {(r.contactPerson || r.contactPhone) && <p className="para">（{r.contactPerson ? `联系人：${r.contactPerson}，` : ''}{r.contactPhone ? `联系电话：${r.contactPhone}` : ''}）</p>}
          <p className="muted small">公开于 {fmtDate(r.publishedAt)}{r.redactionCount ? `；为保护个人信息，已隐去 ${r.redactionCount} 处` : ''}。</p>
          <p><Link to={`/public/promises?reply=${r.id}`}>查看本答复中的承诺落实情况 →</Link></p>
        </article>
      )}
    </Loading>
  );
}

const DIGITS = '零一二三四五六七八九';
export function toChineseOrdinal(n: number): string {
  if (n <= 10) return n === 10 ? '十' : DIGITS[n];
  if (n < 20) return `十${DIGITS[n - 10]}`;
  return `${DIGITS[Math.floor(n / 10)]}十${n % 10 ? DIGITS[n % 10] : ''}`;
}
