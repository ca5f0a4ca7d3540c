import { fmtDate, usePublic } from '../fetch';
import { Link } from '../router';
import { Light, Loading, Progress, Tag } from '../ui';
import type { ProjectDetail, ProjectSummary } from '../types';

export function ProjectsPage() {
  const state = usePublic<ProjectSummary[]>('/api/public/projects');
  return (
    <section>
      <h1>重点项目进度</h1>
      <Loading state={state}>
        {(list) => (
          <ul className="cards">
            {list.length === 0 && <p className="muted">暂无公开的项目。</p>}
            {list.map((p) => (
              <li key={p.id} className="card">
                <div className="row"><Link to={`/public/projects/${p.id}`}><strong>{p.name}</strong></Link><Light light={p.light.light} /></div>
                <div className="muted small">{p.ownerOrgName} · {p.location} · {p.statusLabel}</div>
                <Progress value={p.progress} label={`${p.name}总体进度`} />
                {p.nextMilestone && <div className="small">下一节点：{p.nextMilestone.name}（{fmtDate(p.nextMilestone.targetDate)}{p.nextMilestone.overdue ? '，已逾期' : `，还有 ${p.nextMilestone.daysLeft} 天`}）</div>}
                {p.lastReportOn && <div className="muted small">最近更新：{fmtDate(p.lastReportOn)}</div>}
              </li>
            ))}
          </ul>
        )}
      </Loading>
    </section>
  );
}

export function ProjectPage({ id }: { id: string }) {
  const state = usePublic<ProjectDetail>(`/api/public/projects/${encodeURIComponent(id)}`);
  return (
    <Loading state={state}>
      {(p) => (
        <section>
          <p className="muted small"><Link to="/public/projects">← 全部项目</Link></p>
          <h1>{p.name}</h1>
          <div className="row"><Light light={p.light.light} /><span className="muted small">{p.ownerOrgName} · {p.location}</span></div>
          {p.description && <p>{p.description}</p>}
          <Progress value={p.progress} label="总体进度" />
          <p className="muted small">{p.weightingExplanation}</p>
          {p.light.reasons.length > 0 && <ul className="small">{p.light.reasons.map((r, i) => <li key={i}>{r.text}</li>)}</ul>}
          <h2>各单体进度</h2>
          <ul className="cards" data-testid="components">
            {p.components.map((c) => (
              <li key={c.id} className="card">
                <div className="row"><strong>{c.name}</strong><span className="small">{c.currentStage ? `${c.currentStage.name} ${c.currentStage.percent}%` : '未开工'}</span></div>
                <Progress value={c.percent} label={`${c.name}进度`} />
                <details>
                  <summary className="small">各工序</summary>
                  <table className="stages"><tbody>
                    {c.stages.map((s) => <tr key={s.key}><td>{s.name}</td><td>{s.percent}%</td><td className="muted">{s.asOf ? fmtDate(s.asOf) : ''}</td></tr>)}
                  </tbody></table>
                </details>
              </li>
            ))}
          </ul>
          <h2>里程碑</h2>
          <ul className="plain">
            {p.milestones.map((m, i) => (
              <li key={i}>{m.name}{m.componentName ? `（${m.componentName}）` : ''}：目标 {fmtDate(m.targetDate)} {m.achievedOn ? <Tag tone="green">{fmtDate(m.achievedOn)} 完成</Tag> : m.state === 'overdue' ? <Tag tone="red">已逾期</Tag> : <Tag>待完成</Tag>}</li>
            ))}
          </ul>
          <h2>进度记录</h2>
          <ol className="timeline">
            {p.updates.map((u) => (
              <li key={u.id}>
                <div><strong>{fmtDate(u.asOf)}</strong> {u.componentName} · {u.stageName} {u.percent}%</div>
                {u.note && <div className="small">{u.note}</div>}
                {u.photos.length > 0 && (
                  <div className="photos">{u.photos.map((ph) => <a key={ph.id} href={ph.url} target="_blank" rel="noreferrer"><img src={ph.url} alt={ph.caption || `${u.componentName}现场照片`} loading="lazy" /></a>)}</div>
                )}
              </li>
            ))}
          </ol>
        </section>
      )}
    </Loading>
  );
}
