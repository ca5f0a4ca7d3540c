import { z } from 'zod';
import { isValidDate } from '../../../domain/calendar/dates.js';

export const FACILITY_KINDS = ['school', 'canteen', 'housing', 'shop', 'gym', 'clinic', 'other'] as const;
export const FACILITY_KIND_LABELS: Record<(typeof FACILITY_KINDS)[number], string> = {
  school: '学校', canteen: '餐厅', housing: '住宿', shop: '商超', gym: '健身', clinic: '卫生室', other: '其他',
};
export const FACILITY_STATUSES = ['under_construction', 'open', 'paused'] as const;
export const FACILITY_STATUS_LABELS: Record<(typeof FACILITY_STATUSES)[number], string> = { under_construction: '在建', open: '运营中', paused: '暂停' };
export const UTILITY_KINDS = ['water', 'power', 'heating', 'gas'] as const;
export const UTILITY_KIND_LABELS: Record<(typeof UTILITY_KINDS)[number], string> = { water: '供水', power: '供电', heating: '供暖', gas: '供气' };
export const UTILITY_STATUSES = ['planned', 'under_construction', 'trial', 'operating', 'paused'] as const;
export const UTILITY_STATUS_LABELS: Record<(typeof UTILITY_STATUSES)[number], string> = {
  planned: '规划中', under_construction: '建设中', trial: '试运行', operating: '已投运', paused: '暂停',
};

const DateStr = z.string().refine(isValidDate, { message: '日期无效，应为 YYYY-MM-DD' });
const Hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间应为 HH:MM，例如 06:30');
const text = (label: string, max: number) => z.string().trim().max(max, `${label}不能超过 ${max} 个字`);
const required = (label: string, max: number) => text(label, max).min(1, `请填写${label}`);
const Version = z.number({ message: '缺少版本号' }).int().positive();
const Phone = z.string().trim().max(30, '联系电话过长').nullable();
const Area = z.number().positive('面积须大于 0').max(100_000_000, '面积过大');
const Year = z.number().int().min(2000, '年度须在 2000–2100 之间').max(2100, '年度须在 2000–2100 之间');

export const IdParams = z.object({ id: z.string().min(1).max(64) });
export const VersionQuery = z.object({ version: z.coerce.number().int().positive() });
export const YearParams = z.object({ year: z.coerce.number().int().min(2000, '年度须在 2000–2100 之间').max(2100, '年度须在 2000–2100 之间') });

const facility = {
  kind: z.enum(FACILITY_KINDS, { message: '设施类型无效' }),
  name: required('设施名称', 60),
  status: z.enum(FACILITY_STATUSES, { message: '设施状态无效' }),
  hours: text('开放时间', 100),
  capacity: z.number().int().min(0).max(1_000_000).nullable(),
  capacityUnit: text('容量单位', 10),
  areaM2: Area.nullable(),
  place: text('位置', 120),
  contactPhone: Phone,
  description: text('简介', 2000),
  projectId: z.string().max(64).nullable(),
  internalNote: text('内部备注', 1000),
  isPublic: z.boolean(),
  sortOrder: z.number().int().min(0).max(1000),
};
export const FacilityCreate = z.object({
  ...facility,
  hours: facility.hours.default(''), capacity: facility.capacity.default(null), capacityUnit: facility.capacityUnit.default(''),
  areaM2: facility.areaM2.default(null), place: facility.place.default(''), contactPhone: facility.contactPhone.default(null),
  description: facility.description.default(''), projectId: facility.projectId.default(null), internalNote: facility.internalNote.default(''),
  isPublic: facility.isPublic.default(true), sortOrder: facility.sortOrder.default(0),
});
export const FacilityUpdate = z.object(facility).partial().extend({ version: Version });

const bus = {
  routeNo: required('线路', 20),
  fromStop: required('起点', 40),
  toStop: required('终点', 40),
  via: text('途经', 300),
  bidirectional: z.boolean(),
  firstDeparture: Hhmm,
  lastDeparture: Hhmm,
  headwayMin: z.number().int().min(1).max(240).nullable(),
  headwayMax: z.number().int().min(1).max(240).nullable(),
  departures: z.array(Hhmm).max(300).nullable(),
  fare: text('票价', 40),
  operator: text('运营单位', 60),
  note: text('说明', 500),
  internalNote: text('内部备注', 1000),
  isPublic: z.boolean(),
  sortOrder: z.number().int().min(0).max(1000),
};
export const BusRouteCreate = z.object({
  ...bus,
  via: bus.via.default(''), bidirectional: bus.bidirectional.default(true), headwayMin: bus.headwayMin.default(null), headwayMax: bus.headwayMax.default(null),
  departures: bus.departures.default(null), fare: bus.fare.default(''), operator: bus.operator.default(''), note: bus.note.default(''),
  internalNote: bus.internalNote.default(''), isPublic: bus.isPublic.default(true), sortOrder: bus.sortOrder.default(0),
});
export const BusRouteUpdate = z.object(bus).partial().extend({ version: Version });

export const GreeningYearBody = z.object({ version: Version.optional(), targetM2: Area, note: text('说明', 500).default('') });
export const GreeningEntryCreate = z.object({ entryDate: DateStr, areaM2: Area, place: required('地点', 80), description: text('说明', 500).default('') });
export const GreeningEntryUpdate = GreeningEntryCreate.partial().extend({ version: Version });

const utility = {
  kind: z.enum(UTILITY_KINDS, { message: '类型只能是水、电、暖、气' }),
  name: required('名称', 60),
  status: z.enum(UTILITY_STATUSES, { message: '状态无效' }),
  expectedOn: DateStr.nullable(),
  operatingSince: DateStr.nullable(),
  note: text('说明', 1000),
  internalNote: text('内部备注', 1000),
  sortOrder: z.number().int().min(0).max(1000),
};
export const UtilityCreate = z.object({
  ...utility,
  expectedOn: utility.expectedOn.default(null), operatingSince: utility.operatingSince.default(null), note: utility.note.default(''),
  internalNote: utility.internalNote.default(''), sortOrder: utility.sortOrder.default(0),
});
export const UtilityUpdate = z.object(utility).partial().extend({ version: Version });

const enrolment = {
  schoolName: required('学校名称', 60),
  facilityId: z.string().max(64).nullable(),
  year: Year,
  places: z.number().int().min(0).max(100_000).nullable(),
  areaServed: text('招生范围', 500),
  howToApply: text('报名方式', 2000),
  contactOffice: text('咨询部门', 60),
  contactPhone: Phone,
  note: text('说明', 1000),
  internalNote: text('内部备注', 1000),
  isPublic: z.boolean(),
};
export const EnrolmentCreate = z.object({
  ...enrolment,
  facilityId: enrolment.facilityId.default(null), places: enrolment.places.default(null), areaServed: enrolment.areaServed.default(''),
  howToApply: enrolment.howToApply.default(''), contactOffice: enrolment.contactOffice.default(''), contactPhone: enrolment.contactPhone.default(null),
  note: enrolment.note.default(''), internalNote: enrolment.internalNote.default(''), isPublic: enrolment.isPublic.default(true),
});
export const EnrolmentUpdate = z.object(enrolment).partial().extend({ version: Version });

// ---------------------------------------------------------------- the staff view (everything, with versions)

export const OkResult = z.object({ ok: z.literal(true) });
const ProjectLink = z.object({ id: z.string(), name: z.string(), progress: z.number(), nextMilestone: z.object({ name: z.string(), targetDate: z.string() }).nullable() });

export const FacilityView = z.object({
  id: z.string(), kind: z.string(), kindLabel: z.string(), name: z.string(), status: z.string(), statusLabel: z.string(), hours: z.string(),
  capacity: z.number().nullable(), capacityUnit: z.string(), areaM2: z.number().nullable(), place: z.string(), contactPhone: z.string().nullable(),
  description: z.string(), projectId: z.string().nullable(), internalNote: z.string(), isPublic: z.boolean(), sortOrder: z.number(), isDemo: z.boolean(),
  version: z.number(),
});
export const BusRouteView = z.object({
  id: z.string(), routeNo: z.string(), fromStop: z.string(), toStop: z.string(), via: z.string(), bidirectional: z.boolean(), firstDeparture: z.string(),
  lastDeparture: z.string(), headwayMin: z.number().nullable(), headwayMax: z.number().nullable(), departures: z.array(z.string()).nullable(), fare: z.string(),
  operator: z.string(), note: z.string(), internalNote: z.string(), isPublic: z.boolean(), sortOrder: z.number(), isDemo: z.boolean(), version: z.number(),
});
export const GreeningEntryView = z.object({
  id: z.string(), year: z.number(), entryDate: z.string(), areaM2: z.number(), place: z.string(), description: z.string(), isDemo: z.boolean(), version: z.number(),
});
export const UtilityView = z.object({
  id: z.string(), kind: z.string(), kindLabel: z.string(), name: z.string(), status: z.string(), statusLabel: z.string(), expectedOn: z.string().nullable(),
  operatingSince: z.string().nullable(), note: z.string(), internalNote: z.string(), sortOrder: z.number(), isDemo: z.boolean(), version: z.number(),
});
export const EnrolmentView = z.object({
  id: z.string(), schoolName: z.string(), facilityId: z.string().nullable(), year: z.number(), places: z.number().nullable(), areaServed: z.string(),
  howToApply: z.string(), contactOffice: z.string(), contactPhone: z.string().nullable(), note: z.string(), internalNote: z.string(), isPublic: z.boolean(),
  isDemo: z.boolean(), version: z.number(),
});

const NextDeparturesView = z.object({
  kind: z.enum(['headway', 'list']), frequencyText: z.string(), firstDeparture: z.string(), lastDeparture: z.string(), now: z.string(),
  next: z.array(z.string()), waitMinutes: z.number().nullable(), beforeFirst: z.boolean(), serviceEnded: z.boolean(), status: z.string(), note: z.string().nullable(),
});
export const StaffParkLife = z.object({
  today: z.string(),
  canEdit: z.boolean(),
  facilities: z.array(FacilityView.extend({ project: ProjectLink.nullable() })),
  busRoutes: z.array(BusRouteView.extend({ frequencyText: z.string(), next: NextDeparturesView, departuresAll: z.array(z.string()) })),
  greening: z.array(z.object({
    id: z.string(), version: z.number(), isDemo: z.boolean(), year: z.number(), targetM2: z.number(), achievedM2: z.number(), percent: z.number(), note: z.string(),
    entries: z.array(GreeningEntryView),
  })),
  utilities: z.array(UtilityView.extend({ overdue: z.boolean() })),
  enrolment: z.array(EnrolmentView),
});

// ---------------------------------------------------------------- the public view (a whitelist)

export const PublicParkLife = z.object({
  /** When the newest public figure was last written; null when there is none. */
  asOf: z.string().nullable(),
  today: z.string(),
  facilities: z.array(z.object({
    id: z.string(), kind: z.string(), kindLabel: z.string(), name: z.string(), status: z.string(), statusLabel: z.string(), hours: z.string(),
    capacity: z.number().nullable(), capacityUnit: z.string(), areaM2: z.number().nullable(), place: z.string(), contactPhone: z.string().nullable(),
    description: z.string(),
    project: ProjectLink.nullable(),
  })),
  busRoutes: z.array(z.object({
    id: z.string(), routeNo: z.string(), fromStop: z.string(), toStop: z.string(), via: z.string(), bidirectional: z.boolean(),
    firstDeparture: z.string(), lastDeparture: z.string(), frequencyText: z.string(), fare: z.string(), operator: z.string(), note: z.string(),
    departures: z.array(z.string()), next: NextDeparturesView,
  })),
  greening: z.array(z.object({
    year: z.number(), targetM2: z.number(), achievedM2: z.number(), percent: z.number(), note: z.string(),
    entries: z.array(z.object({ entryDate: z.string(), areaM2: z.number(), place: z.string(), description: z.string() })),
  })),
  utilities: z.array(z.object({
    kind: z.string(), kindLabel: z.string(), name: z.string(), status: z.string(), statusLabel: z.string(), expectedOn: z.string().nullable(),
    operatingSince: z.string().nullable(), overdue: z.boolean(), note: z.string(),
  })),
  enrolment: z.array(z.object({
    schoolName: z.string(), year: z.number(), places: z.number().nullable(), areaServed: z.string(), howToApply: z.string(),
    contactOffice: z.string(), contactPhone: z.string().nullable(), note: z.string(),
  })),
});
