import { fmtDate, usePublic } from '../fetch';
import { Link } from '../router';
import { Light, Loading, Progress } from '../ui';
import type { ParkLife, ProjectSummary, ReplyList } from '../types';
import { BusCard } from './Life';

export function HomePage() {
  const replies = usePublic<ReplyList>('/api/public/replies?page=1&pageSize=3');
  const projects = usePublic<ProjectSummary[]>('/api/public/projects');
  const life = usePublic<ParkLife>('/api/public/parklife');
  return (
    <>
      <section className="hero">
        <h1>区内事、区内办</h1>
        <p>高平经济技术开发区公开信息：人大代表建议的答复、答复中承诺的落实、重点项目进度和园区生活。</p>
        <nav className="quick">
          <Link to="/public/replies">建议答复</Link>
          <Link to="/public/promises">承诺台账</Link>
          <Link to="/public/projects">重点项目</Link>
          <Link to="/public/life">园区生活</Link>
        </nav>
      </section>
      <section>
        <h2>公交</h2>
        <Loading state={life}>{(d) => <>{d.busRoutes.slice(0, 2).map((r) => <BusCard key={r.id} r={r} />)}</>}</Loading>
      </section>
      <section>
        <h2>重点项目</h2>
        <Loading state={projects}>
          {(list) => (
            <ul className="cards">
              {list.slice(0, 3).map((p) => (
                <li key={p.id} className="card">
                  <div className="row"><Link to={`/public/projects/${p.id}`}><strong>{p.name}</strong></Link><Light light={p.light.light} /></div>
                  <Progress value={p.progress} label={`${p.name}进度`} />
                </li>
              ))}
            </ul>
          )}
        </Loading>
        <p><Link to="/public/projects">全部项目 →</Link></p>
      </section>
      <section>
        <h2>最新公开的答复</h2>
        <Loading state={replies}>
          {(d) => (
            <ul className="cards">
              {d.items.length === 0 && <p className="muted">暂无公开的答复。</p>}
              {d.items.map((r) => (
                <li key={r.id} className="card">
                  <Link to={`/public/replies/${r.id}`}><strong>{r.title}</strong></Link>
                  <div className="muted small">{r.unitName} · {fmtDate(r.replyDate)}</div>
                </li>
              ))}
            </ul>
          )}
        </Loading>
        <p><Link to="/public/replies">全部答复 →</Link></p>
      </section>
    </>
  );
}
