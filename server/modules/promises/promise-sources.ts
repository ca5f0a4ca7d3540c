/**
 * One fact, entered once: a promise linked to a key project, a project milestone, a year's greening target or
 * a park facility takes its progress, status and done date from that source when read. Nothing is copied into
 * the promise; every reader (promise page, ledger, export, public portal, project page, deputies' rating page)
 * derives the same values from the same source, so no page shows two truths about the same thing.
 *
 * Manual progress on a linked promise is refused (see lifecycle.service.ts): the source is the one place to
 * record it. Only decisions that are the promise's own stay with the promise: dropping it, and (except for a
 * milestone, whose plan date is the promise's date) slipping its due date.
 */
import type { AppContext } from '../../platform/context.js';
import { daysBetween } from '../../../domain/promise-states.js';
import { formatNumber } from '../../../domain/promise-states.js';
import { ProjectsService } from '../projects/projects.service.js';
import { ParkLifeService } from '../parklife/parklife.service.js';
import type { PromiseTable } from './promises.tables.js';

export const SOURCE_KINDS = ['project', 'milestone', 'greening', 'facility'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

export const SOURCE_KIND_LABELS: Record<SourceKind, string> = {
  project: '重点项目',
  milestone: '项目里程碑',
  greening: '园区绿化目标',
  facility: '园区设施',
};

/** Where staff update each kind of source (the refusal message names it). */
const SOURCE_PLACE: Record<SourceKind, string> = {
  project: '重点项目调度中填报项目进度',
  milestone: '重点项目调度中更新该里程碑',
  greening: '园区生活的绿化记录中填报',
  facility: '园区生活中更新该设施',
};

/** The source's facts as read now, in the promise's terms. */
export interface SourceFact {
  kind: SourceKind;
  id: string;
  kindLabel: string;
  /** 高平市第十中学建设项目 · 主体封顶 */
  name: string;
  /** The staff page of the source. */
  link: string;
  /** May the public portal name and link the source. */
  isPublic: boolean;
  /** The project's id (project, milestone, a facility built by a project). */
  projectId: string | null;
  progress: number;
  done: boolean;
  doneOn: string | null;
  /** A milestone's plan date: the promise's due date. */
  due?: string | null;
  /** Why it is late or paused, in Chinese (null when nothing to say). */
  reason: string | null;
  /** The source's own state in words: 已达成 2024-12-26 / 26,500 / 35,000 平方米 / 在建 … */
  stateText: string;
  /** Greening: area achieved against the target. */
  achieved?: { value: number; target: number; unit: string };
}

/** A fact that is no longer there (the milestone or facility was deleted): the promise says so. */
export interface MissingSource {
  kind: SourceKind;
  id: string;
  kindLabel: string;
  missing: true;
}

export const sourceKey = (kind: string, id: string) => `${kind}:${id}`;

export function refusalMessage(f: SourceFact | MissingSource): string {
  if ('missing' in f) return `该承诺关联的${f.kindLabel}已不存在，请先解除或更换关联后再更新`;
  return `进度来自关联的${f.kindLabel}“${f.name}”，请在${SOURCE_PLACE[f.kind]}；如该承诺不应以此为准，请先解除关联`;
}

/** Reads the sources of many promises at once. */
export class PromiseSources {
  private projectsSvc: ProjectsService | null = null;
  private parkSvc: ParkLifeService | null = null;

  constructor(private readonly ctx: AppContext) {}

  private get projects() {
    return (this.projectsSvc ??= new ProjectsService(this.ctx));
  }

  private get park() {
    return (this.parkSvc ??= new ParkLifeService(this.ctx));
  }

  async facts(refs: Array<{ source_kind: string | null; source_id: string | null }>): Promise<Map<string, SourceFact>> {
    const out = new Map<string, SourceFact>();
    const ids = (k: SourceKind) => [...new Set(refs.filter((r) => r.source_kind === k && r.source_id).map((r) => r.source_id!))];
    const projectIds = ids('project');
    const milestoneIds = ids('milestone');
    const greeningIds = ids('greening');
    const facilityIds = ids('facility');
    const today = this.ctx.clock.today();
    if (projectIds.length || milestoneIds.length) {
      for (const p of await this.projects.sourceFacts({ projectIds, milestoneIds })) {
        const link = `/projects/${p.id}`;
        if (projectIds.includes(p.id)) {
          const done = p.status === 'completed' || p.progress >= 100;
          out.set(sourceKey('project', p.id), {
            kind: 'project', id: p.id, kindLabel: SOURCE_KIND_LABELS.project, name: p.name, link, isPublic: p.isPublic, projectId: p.id,
            progress: done ? 100 : p.progress, done, doneOn: done ? p.lastReportOn : null,
            reason: p.status === 'suspended' ? '项目停工' : null,
            stateText: `${p.statusLabel}，进度 ${p.progress}%`,
          });
        }
        for (const m of p.milestones.filter((x) => milestoneIds.includes(x.id))) {
          const done = !!m.achievedOn;
          const late = !done && m.targetDate < today;
          out.set(sourceKey('milestone', m.id), {
            kind: 'milestone', id: m.id, kindLabel: SOURCE_KIND_LABELS.milestone, name: `${p.name} · ${m.name}`, link, isPublic: p.isPublic, projectId: p.id,
            // Until the milestone is met, the work towards it: the project's (or its component's) progress.
            progress: done ? 100 : Math.min(m.progress, 99), done, doneOn: m.achievedOn, due: m.targetDate,
            reason: late ? `里程碑“${m.name}”计划 ${m.targetDate} 达成，已逾期 ${daysBetween(m.targetDate, today)} 天尚未达成${m.note ? `（${m.note}）` : ''}` : null,
            stateText: done ? `已于 ${m.achievedOn} 达成` : late ? `已逾期，计划 ${m.targetDate}` : `未达成，计划 ${m.targetDate}`,
          });
        }
      }
    }
    if (greeningIds.length || facilityIds.length) {
      const park = await this.park.sourceFacts({ greeningIds, facilityIds });
      for (const g of park.greening) {
        const done = g.achievedM2 >= g.targetM2 && g.targetM2 > 0;
        out.set(sourceKey('greening', g.id), {
          kind: 'greening', id: g.id, kindLabel: SOURCE_KIND_LABELS.greening, name: `${g.year} 年园区绿化`, link: '/parklife', isPublic: true, projectId: null,
          progress: Math.min(g.percent, 100), done, doneOn: done ? g.reachedOn : null,
          reason: null,
          stateText: `${formatNumber(g.achievedM2)} / ${formatNumber(g.targetM2)} m²`,
          achieved: { value: g.achievedM2, target: g.targetM2, unit: 'm²' },
        });
      }
      for (const f of park.facilities) {
        const done = f.status === 'open';
        out.set(sourceKey('facility', f.id), {
          kind: 'facility', id: f.id, kindLabel: SOURCE_KIND_LABELS.facility, name: f.name, link: '/parklife', isPublic: f.isPublic, projectId: f.project?.id ?? null,
          // Not open yet: the key project building it says how far it is.
          progress: done ? 100 : Math.min(f.project?.progress ?? 0, 99), done, doneOn: null,
          reason: f.status === 'paused' ? `设施“${f.name}”暂停开放` : null,
          stateText: f.project && !done ? `${f.statusLabel}（${f.project.name}，进度 ${f.project.progress}%）` : f.statusLabel,
        });
      }
    }
    return out;
  }

  /** What a promise may be linked to: projects with their milestones, greening targets, facilities. */
  async options() {
    const projectIds = (await this.ctx.db.selectFrom('project').select('id').execute()).map((r) => r.id);
    const [projects, park] = await Promise.all([this.projects.sourceFacts({ projectIds, milestoneIds: [] }), this.park.sourceFacts()]);
    return {
      projects: projects.map((p) => ({
        id: p.id, name: p.name, progress: p.progress, statusLabel: p.statusLabel,
        milestones: p.milestones.map((m) => ({ id: m.id, name: m.name, targetDate: m.targetDate, achievedOn: m.achievedOn })),
      })),
      greening: park.greening.map((g) => ({ id: g.id, year: g.year, targetM2: g.targetM2, achievedM2: g.achievedM2 })),
      facilities: park.facilities.map((f) => ({ id: f.id, name: f.name, statusLabel: f.statusLabel })),
    };
  }
}

/** What a linked promise shows of its source. */
export interface SourceView {
  kind: SourceKind;
  kindLabel: string;
  id: string;
  name: string | null;
  link: string | null;
  isPublic: boolean;
  missing: boolean;
  stateText: string | null;
  /** The sentence beside the progress: 进度、状态取自关联的项目里程碑“…”（已逾期（计划 2024-12-31）） */
  note: string;
}

export type Derived<T> = T & { source: SourceView | null };

/**
 * The promise as read: with a source, its progress, status, done date (and, for a milestone, its due date;
 * for greening, the area achieved and the target) come from the source. Dropping stays the promise's own
 * decision; a slip moves the promise's own date (not for a milestone, whose plan date is the due date).
 */
export function deriveRow<T extends PromiseTable>(p: T, fact: SourceFact | undefined): Derived<T> {
  if (!p.source_kind || !p.source_id) return { ...p, source: null };
  const kind = p.source_kind as SourceKind;
  const kindLabel = SOURCE_KIND_LABELS[kind] ?? p.source_kind;
  if (!fact) {
    return {
      ...p,
      source: { kind, kindLabel, id: p.source_id, name: null, link: null, isPublic: false, missing: true, stateText: null, note: `关联的${kindLabel}已不存在，显示的是承诺自身记录的进度` },
    };
  }
  const next: T = { ...p };
  next.progress = fact.progress;
  if (fact.due !== undefined) {
    next.due = fact.due ?? null;
    next.open_ended = fact.due ? 0 : 1;
  }
  if (fact.achieved) {
    next.achieved_value = fact.achieved.value;
    next.target_value = fact.achieved.target;
    next.target_unit = fact.achieved.unit;
    next.target_comparator = '>=';
  }
  if (p.status === 'dropped') {
    next.done_on = null;
  } else if (fact.done) {
    next.status = 'done';
    next.progress = 100;
    next.done_on = fact.doneOn;
    next.status_reason = null;
  } else if (p.status === 'slipped' && kind !== 'milestone') {
    next.done_on = null;
    next.status_reason = fact.reason ?? p.status_reason;
  } else {
    next.status = fact.progress > 0 ? 'in_progress' : 'planned';
    next.done_on = null;
    next.status_reason = fact.reason;
  }
  return {
    ...next,
    source: {
      kind, kindLabel, id: fact.id, name: fact.name, link: fact.link, isPublic: fact.isPublic, missing: false, stateText: fact.stateText,
      note: `进度和状态取自关联的${kindLabel}“${fact.name}”（${fact.stateText}）`,
    },
  };
}
