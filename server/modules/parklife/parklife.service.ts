import type { z } from 'zod';
import type { AppContext } from '../../platform/context.js';
import type { Actor, Viewer } from '../../platform/auth/roles.js';
import { authorize } from '../../platform/policy/policy.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { badRequest, conflict, notFound, staleWrite } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { nextDepartures, scheduledDepartures } from '../../../domain/bus-timetable.js';
import { round1 } from '../../../domain/project-progress.js';
import { ProjectsService } from '../projects/projects.service.js';
import { parkLifePolicy } from './parklife.policy.js';
import { ParkLifeRepo } from './parklife.repo.js';
import { busRoutes, enrolments, facilities, greeningEntries, scheduleOf, utilities, type Resource } from './parklife.resources.js';
import type { BusRouteTable, GreeningEntryTable, GreeningYearTable, ParkFacilityTable, SchoolEnrolmentTable, UtilityServiceTable } from './parklife.tables.js';
import { FACILITY_KIND_LABELS, FACILITY_STATUS_LABELS, UTILITY_KIND_LABELS, UTILITY_STATUS_LABELS, type GreeningEntryCreate, type GreeningYearBody } from './parklife.schemas.js';

export const RESOURCES = { facilities, busRoutes, utilities, enrolments } as const;
export type ResourceName = keyof typeof RESOURCES | 'greeningEntries';
const ALL = { ...RESOURCES, greeningEntries } as const;
/** What a list's create and update return: the row as the staff page reads it. */
type ViewOf<N extends ResourceName> = ReturnType<(typeof ALL)[N]['view']>;
const resource = (name: ResourceName) => ALL[name] as Resource<any, any, any>;

/** Park life (园区生活): kept by the zone, read by everyone. */
export class ParkLifeService {
  private readonly repo: ParkLifeRepo;
  private projects: ProjectsService | null = null;

  constructor(private readonly ctx: AppContext) {
    this.repo = new ParkLifeRepo(ctx.db);
  }

  private tx<T>(actor: Actor, fn: (repo: ParkLifeRepo, audit: (e: Parameters<typeof recordAudit>[3]) => Promise<void>) => Promise<T>) {
    return this.ctx.db.transaction().execute((tx) => fn(this.repo.in(tx), (e) => recordAudit(tx, this.ctx.clock, actor, e)));
  }

  // ------------------------------------------------------------ generic editing of the lists

  async create<N extends ResourceName>(name: N, actor: Actor, body: any): Promise<ViewOf<N>> {
    authorize(parkLifePolicy, actor, 'edit', null);
    const res = resource(name);
    const now = this.ctx.clock.nowIso();
    const row = res.build(body, { id: newId(), version: 1, is_demo: 0, created_at: now, updated_at: now });
    await res.check(row, { repo: this.repo, today: this.ctx.clock.today() });
    if (res.unique) {
      const u = res.unique(row);
      if (await this.repo.taken(res.table, u.values)) conflict(u.message, 'duplicate');
    }
    await this.tx(actor, async (repo, audit) => {
      await repo.insert(res.table, row);
      await audit({ action: `parklife.${res.entity}.create`, entityType: res.entity, entityId: row.id, after: res.view(row) });
    });
    return res.view(row) as ViewOf<N>;
  }

  async update<N extends ResourceName>(name: N, actor: Actor, id: string, body: { version: number } & Record<string, unknown>): Promise<ViewOf<N>> {
    authorize(parkLifePolicy, actor, 'edit', null);
    const res = resource(name);
    const cur = (await this.repo.get<any>(res.table, id)) ?? notFound('记录不存在');
    const next = { ...res.merge(cur, body), version: body.version + 1, updated_at: this.ctx.clock.nowIso() };
    await res.check(next, { repo: this.repo, today: this.ctx.clock.today() });
    if (res.unique) {
      const u = res.unique(next);
      if (await this.repo.taken(res.table, u.values, id)) conflict(u.message, 'duplicate');
    }
    await this.tx(actor, async (repo, audit) => {
      const { id: _i, version: _v, created_at: _c, is_demo: _d, ...patch } = next;
      await repo.versioned(res.table, id, body.version, patch, res.label);
      await audit({ action: `parklife.${res.entity}.update`, entityType: res.entity, entityId: id, before: res.view(cur), after: res.view(next) });
    });
    return res.view(next) as ViewOf<N>;
  }

  async remove(name: ResourceName, actor: Actor, id: string, version: number) {
    authorize(parkLifePolicy, actor, 'edit', null);
    const res = resource(name);
    const cur = (await this.repo.get<any>(res.table, id)) ?? notFound('记录不存在');
    if (name === 'facilities' && (await this.repo.enrolmentsOfFacility(id)) > 0) conflict('该设施关联了招生信息，请先修改或删除这些招生信息', 'in_use');
    await this.tx(actor, async (repo, audit) => {
      await repo.deleteVersioned(res.table, id, version, res.label);
      await audit({ action: `parklife.${res.entity}.delete`, entityType: res.entity, entityId: id, before: res.view(cur) });
    });
    return { ok: true as const };
  }

  // ------------------------------------------------------------ greening: a yearly target, dated entries

  /** Creates the year's target (no version) or changes it (with the version read). */
  async putGreeningYear(actor: Actor, year: number, body: z.infer<typeof GreeningYearBody>) {
    authorize(parkLifePolicy, actor, 'edit', null);
    const cur = await this.repo.greeningYear(year);
    const now = this.ctx.clock.nowIso();
    const view = (r: Pick<GreeningYearTable, 'year' | 'target_m2' | 'note'>) => ({ year: r.year, targetM2: r.target_m2, note: r.note });
    await this.tx(actor, async (repo, audit) => {
      if (!cur) {
        if (body.version !== undefined) staleWrite(`${year} 年绿化目标`);
        const row: GreeningYearTable = { id: newId(), year, target_m2: body.targetM2, note: body.note, is_demo: 0, version: 1, created_at: now, updated_at: now };
        await repo.insert('greening_year', row);
        await audit({ action: 'parklife.greening_year.create', entityType: 'greening_year', entityId: row.id, after: view(row) });
      } else {
        if (body.version === undefined) conflict(`${year} 年已有绿化目标，请刷新后在原记录上修改`, 'exists');
        await repo.versioned('greening_year', cur.id, body.version!, { target_m2: body.targetM2, note: body.note, updated_at: now }, `${year} 年绿化目标`);
        await audit({ action: 'parklife.greening_year.update', entityType: 'greening_year', entityId: cur.id, before: view(cur), after: view({ year, target_m2: body.targetM2, note: body.note }) });
      }
    });
    return { ok: true as const };
  }

  async addGreeningEntry(actor: Actor, year: number, body: z.infer<typeof GreeningEntryCreate>) {
    authorize(parkLifePolicy, actor, 'edit', null);
    if (!(await this.repo.greeningYear(year))) badRequest(`请先设定 ${year} 年的绿化目标`, 'no_target');
    return this.create('greeningEntries', actor, { ...body, year });
  }

  // ------------------------------------------------------------ reading

  private async lists() {
    const [f, b, y, e, u, s] = await Promise.all([
      this.repo.list<ParkFacilityTable>('park_facility', facilities.order),
      this.repo.list<BusRouteTable>('bus_route', busRoutes.order),
      this.repo.greeningYears(),
      this.repo.list<GreeningEntryTable>('greening_entry', greeningEntries.order),
      this.repo.list<UtilityServiceTable>('utility_service', utilities.order),
      this.repo.list<SchoolEnrolmentTable>('school_enrolment', enrolments.order),
    ]);
    return { facilities: f, busRoutes: b, years: y, entries: e, utilities: u, enrolment: s };
  }

  private greeningView(years: GreeningYearTable[], entries: GreeningEntryTable[]) {
    return years.map((y) => {
      const mine = entries.filter((e) => e.year === y.year);
      const achieved = mine.reduce((s, e) => s + e.area_m2, 0);
      return {
        row: y, year: y.year, targetM2: y.target_m2, achievedM2: round1(achieved),
        percent: y.target_m2 > 0 ? round1((achieved / y.target_m2) * 100) : 0, note: y.note, entries: mine,
      };
    });
  }

  private async projectInfo(ids: string[], publicOnly: boolean) {
    if (!ids.length) return new Map<string, { id: string; name: string; progress: number; nextMilestone: { name: string; targetDate: string } | null }>();
    this.projects ??= new ProjectsService(this.ctx);
    const found = await this.projects.lookup(ids);
    return new Map(found.filter((p) => p.isPublic || !publicOnly).map((p) => [p.id, {
      id: p.id, name: p.name, progress: p.progress, nextMilestone: p.nextMilestone ? { name: p.nextMilestone.name, targetDate: p.nextMilestone.targetDate } : null,
    }]));
  }

  /**
   * For promises that take their progress from a year's greening target or a facility: their facts as read now
   * (area achieved against the target and the day the target was reached; the facility's state and, when a key
   * project builds it, that project's progress). Without ids: every target and facility (for choosing one).
   */
  async sourceFacts(f: { greeningIds?: string[]; facilityIds?: string[] } = {}) {
    const l = await this.lists();
    const greening = this.greeningView(l.years, l.entries).filter((g) => !f.greeningIds || f.greeningIds.includes(g.row.id)).map((g) => {
      let sum = 0;
      let reachedOn: string | null = null;
      for (const e of [...g.entries].sort((a, b) => (a.entry_date < b.entry_date ? -1 : a.entry_date > b.entry_date ? 1 : 0))) {
        sum += e.area_m2;
        if (!reachedOn && g.targetM2 > 0 && sum >= g.targetM2) reachedOn = e.entry_date;
      }
      return { id: g.row.id, year: g.year, targetM2: g.targetM2, achievedM2: g.achievedM2, percent: g.percent, reachedOn };
    });
    const shown = l.facilities.filter((x) => !f.facilityIds || f.facilityIds.includes(x.id));
    const projects = await this.projectInfo(shown.map((x) => x.project_id).filter((x): x is string => !!x), false);
    const facilityRows = shown.map((x) => ({
      id: x.id, name: x.name, kind: x.kind, status: x.status,
      statusLabel: FACILITY_STATUS_LABELS[x.status as keyof typeof FACILITY_STATUS_LABELS] ?? x.status, isPublic: x.is_public === 1,
      project: x.project_id ? projects.get(x.project_id) ?? null : null,
    }));
    return { greening, facilities: facilityRows };
  }

  private busView(r: BusRouteTable, now: Date) {
    const s = scheduleOf(r);
    return { departuresAll: scheduledDepartures(s), next: nextDepartures(s, now, 4) };
  }

  async staffView(actor: Viewer) {
    authorize(parkLifePolicy, actor, 'read', null);
    const l = await this.lists();
    const now = this.ctx.clock.now();
    const projects = await this.projectInfo(l.facilities.map((f) => f.project_id).filter((x): x is string => !!x), false);
    return {
      today: this.ctx.clock.today(),
      canEdit: actor?.role === 'zone_staff',
      facilities: l.facilities.map((f) => ({ ...facilities.view(f), project: f.project_id ? projects.get(f.project_id) ?? null : null })),
      busRoutes: l.busRoutes.map((r) => {
        const v = this.busView(r, now);
        return { ...busRoutes.view(r), frequencyText: v.next.frequencyText, next: v.next, departuresAll: v.departuresAll };
      }),
      greening: this.greeningView(l.years, l.entries).map(({ row, entries, ...g }) => ({
        ...g, id: row.id, version: row.version, isDemo: row.is_demo === 1, entries: entries.map((e) => greeningEntries.view(e)),
      })),
      utilities: l.utilities.map((u) => ({ ...utilities.view(u), overdue: this.utilityOverdue(u) })),
      enrolment: l.enrolment.map((e) => enrolments.view(e)),
    };
  }

  private utilityOverdue(u: UtilityServiceTable) {
    return u.status !== 'operating' && !!u.expected_on && u.expected_on < this.ctx.clock.today();
  }

  /** Everything the public may read: no internal notes, nothing marked internal. */
  async publicView() {
    const l = await this.lists();
    const now = this.ctx.clock.now();
    const shown = l.facilities.filter((f) => f.is_public === 1);
    const projects = await this.projectInfo(shown.map((f) => f.project_id).filter((x): x is string => !!x), true);
    // 信息更新于: when the newest public figure was last written, not when the page is read.
    const stamps = [
      ...shown, ...l.busRoutes.filter((r) => r.is_public === 1), ...l.years, ...l.entries, ...l.utilities, ...l.enrolment.filter((e) => e.is_public === 1),
    ].map((r) => r.updated_at);
    return {
      asOf: stamps.length ? stamps.reduce((a, b) => (a > b ? a : b)) : null,
      today: this.ctx.clock.today(),
      facilities: shown.map((f) => ({
        id: f.id, kind: f.kind, kindLabel: FACILITY_KIND_LABELS[f.kind as keyof typeof FACILITY_KIND_LABELS] ?? f.kind, name: f.name, status: f.status,
        statusLabel: FACILITY_STATUS_LABELS[f.status as keyof typeof FACILITY_STATUS_LABELS] ?? f.status, hours: f.hours, capacity: f.capacity,
        capacityUnit: f.capacity_unit, areaM2: f.area_m2, place: f.place, contactPhone: f.contact_phone, description: f.description,
        project: f.project_id ? projects.get(f.project_id) ?? null : null,
      })),
      busRoutes: l.busRoutes.filter((r) => r.is_public === 1).map((r) => {
        const v = this.busView(r, now);
        return {
          id: r.id, routeNo: r.route_no, fromStop: r.from_stop, toStop: r.to_stop, via: r.via, bidirectional: r.bidirectional === 1,
          firstDeparture: r.first_departure, lastDeparture: r.last_departure, frequencyText: v.next.frequencyText, fare: r.fare, operator: r.operator,
          note: r.note, departures: v.departuresAll, next: v.next,
        };
      }),
      greening: this.greeningView(l.years, l.entries).map(({ row: _r, entries, ...g }) => ({
        ...g, entries: entries.map((e) => ({ entryDate: e.entry_date, areaM2: e.area_m2, place: e.place, description: e.description })),
      })),
      utilities: l.utilities.map((u) => ({
        kind: u.kind, kindLabel: UTILITY_KIND_LABELS[u.kind as keyof typeof UTILITY_KIND_LABELS] ?? u.kind, name: u.name, status: u.status,
        statusLabel: UTILITY_STATUS_LABELS[u.status as keyof typeof UTILITY_STATUS_LABELS] ?? u.status, expectedOn: u.expected_on,
        operatingSince: u.operating_since, overdue: this.utilityOverdue(u), note: u.note,
      })),
      enrolment: l.enrolment.filter((e) => e.is_public === 1).map((e) => ({
        schoolName: e.school_name, year: e.year, places: e.places, areaServed: e.area_served, howToApply: e.how_to_apply,
        contactOffice: e.contact_office, contactPhone: e.contact_phone, note: e.note,
      })),
    };
  }
}
