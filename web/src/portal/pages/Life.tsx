import { fmtDate, usePublic } from '../fetch';
import { Link } from '../router';
import { Loading, Progress, Tag } from '../ui';
import type { ParkLife } from '../types';

export function BusCard({ r }: { r: ParkLife['busRoutes'][number] }) {
  return (
    <div className="card bus" data-testid={`bus-${r.routeNo}`}>
      <div className="row"><strong>{r.routeNo} {r.fromStop} ⇄ {r.toStop}</strong><Tag tone={r.next.serviceEnded ? 'default' : 'green'}>{r.next.status}</Tag></div>
      <div className="small">首班 {r.firstDeparture} · 末班 {r.lastDeparture} · {r.frequencyText}{r.fare ? ` · ${r.fare}` : ''}</div>
      {r.next.next.length > 0 ? (
        <div className="next">下一班：{r.next.next.map((t) => <span key={t} className="time">{t}</span>)}</div>
      ) : (
        <div className="small muted">{r.next.note ?? '今日已停运'}</div>
      )}
      {r.next.note && r.next.next.length > 0 && <div className="muted small">{r.next.note}</div>}
      {r.via && <div className="muted small">途经：{r.via}</div>}
    </div>
  );
}

export function LifePage() {
  const state = usePublic<ParkLife>('/api/public/parklife');
  return (
    <Loading state={state}>
      {(d) => (
        <section>
          <h1>园区生活</h1>
          <h2 id="bus">公交</h2>
          {d.busRoutes.map((r) => <BusCard key={r.id} r={r} />)}
          <h2 id="facilities">生活配套</h2>
          <ul className="cards">
            {d.facilities.map((f) => (
              <li key={f.id} className="card">
                <div className="row"><strong>{f.name}</strong><Tag tone={f.status === 'open' ? 'green' : f.status === 'under_construction' ? 'orange' : 'default'}>{f.statusLabel}</Tag></div>
                <div className="muted small">{f.kindLabel}{f.place ? ` · ${f.place}` : ''}{f.hours ? ` · ${f.hours}` : ''}</div>
                <div className="small">{[f.areaM2 ? `${f.areaM2.toLocaleString('zh-CN')} 平方米` : null, f.capacity ? `可容纳 ${f.capacity} ${f.capacityUnit}` : null].filter(Boolean).join('，')}</div>
                {f.description && <div className="small">{f.description}</div>}
                {f.contactPhone && <div className="small">电话：{f.contactPhone}</div>}
                {f.project && <div className="small"><Link to={`/public/projects/${f.project.id}`}>建设进度 {Math.round(f.project.progress)}%{f.project.nextMilestone ? `，${f.project.nextMilestone.name} 目标 ${fmtDate(f.project.nextMilestone.targetDate)}` : ''} →</Link></div>}
              </li>
            ))}
          </ul>
          <h2 id="greening">绿化</h2>
          {d.greening.map((g) => (
            <div key={g.year} className="card">
              <div className="row"><strong>{g.year} 年绿化</strong><span className="small">{g.achievedM2.toLocaleString('zh-CN')} / {g.targetM2.toLocaleString('zh-CN')} 平方米</span></div>
              <Progress value={g.percent} label={`${g.year}年绿化完成率`} />
              {g.note && <div className="muted small">{g.note}</div>}
            </div>
          ))}
          <h2 id="utilities">水电暖气</h2>
          <ul className="cards">
            {d.utilities.map((u) => (
              <li key={u.kind + u.name} className="card">
                <div className="row"><strong>{u.kindLabel} · {u.name}</strong><Tag tone={u.status === 'operating' ? 'green' : u.overdue ? 'red' : 'orange'}>{u.statusLabel}</Tag></div>
                <div className="small">{u.operatingSince ? `${fmtDate(u.operatingSince)} 起运行` : u.expectedOn ? `预计 ${fmtDate(u.expectedOn)} 投入运营${u.overdue ? '（已逾期）' : ''}` : ''}</div>
                {u.note && <div className="muted small">{u.note}</div>}
              </li>
            ))}
          </ul>
          <h2 id="school">入学信息</h2>
          {d.enrolment.map((e, i) => (
            <div key={i} className="card">
              <strong>{e.schoolName}（{e.year} 年）</strong>
              <div className="small">{e.places ? `学位 ${e.places} 个；` : ''}{e.areaServed}</div>
              <div className="small">报名：{e.howToApply}</div>
              <div className="small">咨询：{e.contactOffice}{e.contactPhone ? ` ${e.contactPhone}` : ''}</div>
              {e.note && <div className="muted small">{e.note}</div>}
            </div>
          ))}
          {d.asOf && <p className="muted small">信息更新于 {fmtDate(d.asOf)}</p>}
        </section>
      )}
    </Loading>
  );
}
