/**
 * The five editable lists of park life, each told once: how a request becomes a row, what must hold before
 * it is saved, and how it reads on the staff page. The service runs them all the same way (version checks,
 * audit, one transaction).
 */
import type { z } from 'zod';
import { badRequest } from '../../platform/errors.js';
import { officialPhoneProblem, publicTextProblems } from '../../../domain/public-text.js';
import { scheduleProblems } from '../../../domain/bus-timetable.js';
import type { ParkLifeRepo, ParkTable } from './parklife.repo.js';
import type { BusRouteTable, GreeningEntryTable, ParkFacilityTable, SchoolEnrolmentTable, UtilityServiceTable } from './parklife.tables.js';
import {
  FACILITY_KIND_LABELS, FACILITY_STATUS_LABELS, UTILITY_KIND_LABELS, UTILITY_STATUS_LABELS,
  type BusRouteCreate, type BusRouteUpdate, type EnrolmentCreate, type EnrolmentUpdate, type FacilityCreate, type FacilityUpdate,
  type GreeningEntryCreate, type GreeningEntryUpdate, type UtilityCreate, type UtilityUpdate,
  type BusRouteView, type EnrolmentView, type FacilityView, type GreeningEntryView, type UtilityView,
} from './parklife.schemas.js';

export interface CheckContext {
  repo: ParkLifeRepo;
  today: string;
}

interface Base {
  id: string;
  version: number;
  is_demo: number;
  created_at: string;
  updated_at: string;
}

export interface Resource<Row extends Base, Create, Update, View extends Record<string, unknown> = Record<string, unknown>> {
  table: ParkTable;
  entity: string;
  /** For messages: “该设施已被他人修改”. */
  label: string;
  order: string[];
  build(body: Create, base: Base): Row;
  merge(cur: Row, body: Update): Row;
  check(row: Row, c: CheckContext): Promise<void>;
  /** Unique values and the message when taken. */
  unique?(row: Row): { values: Record<string, unknown>; message: string };
  /** What the staff page reads (the route's response schema describes it). */
  view(row: Row): View;
}

const pick = <T>(v: T | undefined, cur: T): T => (v === undefined ? cur : v);
const b01 = (v: boolean | undefined, cur: number) => (v === undefined ? cur : v ? 1 : 0);

function assertPublic(isPublic: number, fields: Record<string, string | null>) {
  if (!isPublic) return;
  const p = publicTextProblems(fields);
  if (p.length) badRequest(p.join('；'), 'personal_data');
}

function assertPhone(phone: string | null) {
  const p = officialPhoneProblem(phone);
  if (p) badRequest(p, 'personal_phone');
}

function assertNotFuture(date: string | null, today: string, what: string) {
  if (date && date > today) badRequest(`${what}不能晚于今天（${today}）`, 'future_date');
}

export const facilities: Resource<ParkFacilityTable, z.infer<typeof FacilityCreate>, z.infer<typeof FacilityUpdate>, z.infer<typeof FacilityView>> = {
  table: 'park_facility', entity: 'park_facility', label: '该设施', order: ['sort_order', 'name'],
  build: (b, base) => ({
    ...base, kind: b.kind, name: b.name, status: b.status, hours: b.hours, capacity: b.capacity, capacity_unit: b.capacityUnit, area_m2: b.areaM2,
    place: b.place, contact_phone: b.contactPhone || null, description: b.description, project_id: b.projectId, internal_note: b.internalNote,
    is_public: b.isPublic ? 1 : 0, sort_order: b.sortOrder,
  }),
  merge: (c, b) => ({
    ...c, kind: pick(b.kind, c.kind), name: pick(b.name, c.name), status: pick(b.status, c.status), hours: pick(b.hours, c.hours),
    capacity: pick(b.capacity, c.capacity), capacity_unit: pick(b.capacityUnit, c.capacity_unit), area_m2: pick(b.areaM2, c.area_m2),
    place: pick(b.place, c.place), contact_phone: b.contactPhone === undefined ? c.contact_phone : b.contactPhone || null,
    description: pick(b.description, c.description), project_id: pick(b.projectId, c.project_id), internal_note: pick(b.internalNote, c.internal_note),
    is_public: b01(b.isPublic, c.is_public), sort_order: pick(b.sortOrder, c.sort_order),
  }),
  async check(r, c) {
    assertPhone(r.contact_phone);
    assertPublic(r.is_public, { 简介: r.description, 开放时间: r.hours, 位置: r.place });
    if (r.project_id && !(await c.repo.projectExists(r.project_id))) badRequest('关联的重点项目不存在', 'project_missing');
  },
  unique: (r) => ({ values: { name: r.name }, message: `已有名为“${r.name}”的设施` }),
  view: (r) => ({
    id: r.id, kind: r.kind, kindLabel: FACILITY_KIND_LABELS[r.kind as keyof typeof FACILITY_KIND_LABELS] ?? r.kind, name: r.name, status: r.status,
    statusLabel: FACILITY_STATUS_LABELS[r.status as keyof typeof FACILITY_STATUS_LABELS] ?? r.status, hours: r.hours, capacity: r.capacity,
    capacityUnit: r.capacity_unit, areaM2: r.area_m2, place: r.place, contactPhone: r.contact_phone, description: r.description, projectId: r.project_id,
    internalNote: r.internal_note, isPublic: r.is_public === 1, sortOrder: r.sort_order, isDemo: r.is_demo === 1, version: r.version,
  }),
};

export const busRoutes: Resource<BusRouteTable, z.infer<typeof BusRouteCreate>, z.infer<typeof BusRouteUpdate>, z.infer<typeof BusRouteView>> = {
  table: 'bus_route', entity: 'bus_route', label: '该公交线路', order: ['sort_order', 'route_no'],
  build: (b, base) => ({
    ...base, route_no: b.routeNo, from_stop: b.fromStop, to_stop: b.toStop, via: b.via, bidirectional: b.bidirectional ? 1 : 0,
    first_departure: b.firstDeparture, last_departure: b.lastDeparture, headway_min: b.headwayMin, headway_max: b.headwayMax,
    departures_json: b.departures && b.departures.length ? JSON.stringify(b.departures) : null, fare: b.fare, operator: b.operator, note: b.note,
    internal_note: b.internalNote, is_public: b.isPublic ? 1 : 0, sort_order: b.sortOrder,
  }),
  merge: (c, b) => ({
    ...c, route_no: pick(b.routeNo, c.route_no), from_stop: pick(b.fromStop, c.from_stop), to_stop: pick(b.toStop, c.to_stop), via: pick(b.via, c.via),
    bidirectional: b01(b.bidirectional, c.bidirectional), first_departure: pick(b.firstDeparture, c.first_departure), last_departure: pick(b.lastDeparture, c.last_departure),
    headway_min: pick(b.headwayMin, c.headway_min), headway_max: pick(b.headwayMax, c.headway_max),
    departures_json: b.departures === undefined ? c.departures_json : b.departures && b.departures.length ? JSON.stringify(b.departures) : null,
    fare: pick(b.fare, c.fare), operator: pick(b.operator, c.operator), note: pick(b.note, c.note), internal_note: pick(b.internalNote, c.internal_note),
    is_public: b01(b.isPublic, c.is_public), sort_order: pick(b.sortOrder, c.sort_order),
  }),
  async check(r) {
    const p = scheduleProblems(scheduleOf(r));
    if (p.length) badRequest(p.join('；'), 'invalid_schedule');
    assertPublic(r.is_public, { 说明: r.note, 途经: r.via, 运营单位: r.operator });
  },
  unique: (r) => ({ values: { route_no: r.route_no }, message: `已有线路“${r.route_no}”` }),
  view: (r) => ({
    id: r.id, routeNo: r.route_no, fromStop: r.from_stop, toStop: r.to_stop, via: r.via, bidirectional: r.bidirectional === 1,
    firstDeparture: r.first_departure, lastDeparture: r.last_departure, headwayMin: r.headway_min, headwayMax: r.headway_max,
    departures: r.departures_json ? (JSON.parse(r.departures_json) as string[]) : null, fare: r.fare, operator: r.operator, note: r.note,
    internalNote: r.internal_note, isPublic: r.is_public === 1, sortOrder: r.sort_order, isDemo: r.is_demo === 1, version: r.version,
  }),
};

export function scheduleOf(r: BusRouteTable) {
  return {
    firstDeparture: r.first_departure, lastDeparture: r.last_departure, headwayMin: r.headway_min, headwayMax: r.headway_max,
    departures: r.departures_json ? (JSON.parse(r.departures_json) as string[]) : null,
  };
}

export const greeningEntries: Resource<GreeningEntryTable, z.infer<typeof GreeningEntryCreate> & { year: number }, z.infer<typeof GreeningEntryUpdate>, z.infer<typeof GreeningEntryView>> = {
  table: 'greening_entry', entity: 'greening_entry', label: '该绿化记录', order: ['entry_date', 'created_at'],
  build: (b, base) => ({ ...base, year: b.year, entry_date: b.entryDate, area_m2: b.areaM2, place: b.place, description: b.description }),
  merge: (c, b) => ({ ...c, entry_date: pick(b.entryDate, c.entry_date), area_m2: pick(b.areaM2, c.area_m2), place: pick(b.place, c.place), description: pick(b.description, c.description) }),
  async check(r, c) {
    if (Number(r.entry_date.slice(0, 4)) !== r.year) badRequest(`日期 ${r.entry_date} 不在 ${r.year} 年内`, 'wrong_year');
    assertNotFuture(r.entry_date, c.today, '完成日期');
    assertPublic(1, { 地点: r.place, 说明: r.description });
  },
  view: (r) => ({ id: r.id, year: r.year, entryDate: r.entry_date, areaM2: r.area_m2, place: r.place, description: r.description, isDemo: r.is_demo === 1, version: r.version }),
};

export const utilities: Resource<UtilityServiceTable, z.infer<typeof UtilityCreate>, z.infer<typeof UtilityUpdate>, z.infer<typeof UtilityView>> = {
  table: 'utility_service', entity: 'utility_service', label: '该项设施', order: ['sort_order', 'name'],
  build: (b, base) => ({
    ...base, kind: b.kind, name: b.name, status: b.status, expected_on: b.expectedOn, operating_since: b.operatingSince, note: b.note,
    internal_note: b.internalNote, sort_order: b.sortOrder,
  }),
  merge: (c, b) => ({
    ...c, kind: pick(b.kind, c.kind), name: pick(b.name, c.name), status: pick(b.status, c.status), expected_on: pick(b.expectedOn, c.expected_on),
    operating_since: pick(b.operatingSince, c.operating_since), note: pick(b.note, c.note), internal_note: pick(b.internalNote, c.internal_note),
    sort_order: pick(b.sortOrder, c.sort_order),
  }),
  async check(r, c) {
    if (r.status === 'operating' && !r.operating_since) badRequest('状态为“已投运”时请填写投入运营日期', 'operating_since_missing');
    assertNotFuture(r.operating_since, c.today, '投入运营日期');
    assertPublic(1, { 说明: r.note });
  },
  unique: (r) => ({ values: { name: r.name }, message: `已有名为“${r.name}”的条目` }),
  view: (r) => ({
    id: r.id, kind: r.kind, kindLabel: UTILITY_KIND_LABELS[r.kind as keyof typeof UTILITY_KIND_LABELS] ?? r.kind, name: r.name, status: r.status,
    statusLabel: UTILITY_STATUS_LABELS[r.status as keyof typeof UTILITY_STATUS_LABELS] ?? r.status, expectedOn: r.expected_on,
    operatingSince: r.operating_since, note: r.note, internalNote: r.internal_note, sortOrder: r.sort_order, isDemo: r.is_demo === 1, version: r.version,
  }),
};

export const enrolments: Resource<SchoolEnrolmentTable, z.infer<typeof EnrolmentCreate>, z.infer<typeof EnrolmentUpdate>, z.infer<typeof EnrolmentView>> = {
  table: 'school_enrolment', entity: 'school_enrolment', label: '该招生信息', order: ['year', 'school_name'],
  build: (b, base) => ({
    ...base, school_name: b.schoolName, facility_id: b.facilityId, year: b.year, places: b.places, area_served: b.areaServed, how_to_apply: b.howToApply,
    contact_office: b.contactOffice, contact_phone: b.contactPhone || null, note: b.note, internal_note: b.internalNote, is_public: b.isPublic ? 1 : 0,
  }),
  merge: (c, b) => ({
    ...c, school_name: pick(b.schoolName, c.school_name), facility_id: pick(b.facilityId, c.facility_id), year: pick(b.year, c.year), places: pick(b.places, c.places),
    area_served: pick(b.areaServed, c.area_served), how_to_apply: pick(b.howToApply, c.how_to_apply), contact_office: pick(b.contactOffice, c.contact_office),
    contact_phone: b.contactPhone === undefined ? c.contact_phone : b.contactPhone || null, note: pick(b.note, c.note),
    internal_note: pick(b.internalNote, c.internal_note), is_public: b01(b.isPublic, c.is_public),
  }),
  async check(r, c) {
    assertPhone(r.contact_phone);
    assertPublic(r.is_public, { 招生范围: r.area_served, 报名方式: r.how_to_apply, 说明: r.note, 咨询部门: r.contact_office });
    if (r.facility_id && !(await c.repo.get('park_facility', r.facility_id))) badRequest('关联的设施不存在', 'facility_missing');
  },
  unique: (r) => ({ values: { school_name: r.school_name, year: r.year }, message: `${r.school_name} ${r.year} 年的招生信息已存在` }),
  view: (r) => ({
    id: r.id, schoolName: r.school_name, facilityId: r.facility_id, year: r.year, places: r.places, areaServed: r.area_served, howToApply: r.how_to_apply,
    contactOffice: r.contact_office, contactPhone: r.contact_phone, note: r.note, internalNote: r.internal_note, isPublic: r.is_public === 1,
    isDemo: r.is_demo === 1, version: r.version,
  }),
};
