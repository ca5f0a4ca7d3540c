/** What GET /api/parklife returns (server/modules/parklife). */
export interface Facility {
  id: string; kind: string; kindLabel: string; name: string; status: string; statusLabel: string; hours: string; capacity: number | null; capacityUnit: string;
  areaM2: number | null; place: string; contactPhone: string | null; description: string; projectId: string | null; internalNote: string; isPublic: boolean;
  sortOrder: number; isDemo: boolean; version: number; project: { id: string; name: string; progress: number; nextMilestone: { name: string; targetDate: string } | null } | null;
}
export interface NextDepartures {
  kind: 'headway' | 'list'; frequencyText: string; firstDeparture: string; lastDeparture: string; now: string; next: string[]; waitMinutes: number | null;
  beforeFirst: boolean; serviceEnded: boolean; status: string; note: string | null;
}
export interface BusRoute {
  id: string; routeNo: string; fromStop: string; toStop: string; via: string; bidirectional: boolean; firstDeparture: string; lastDeparture: string;
  headwayMin: number | null; headwayMax: number | null; departures: string[] | null; fare: string; operator: string; note: string; internalNote: string;
  isPublic: boolean; sortOrder: number; isDemo: boolean; version: number; frequencyText: string; next: NextDepartures; departuresAll: string[];
}
export interface GreeningEntry { id: string; year: number; entryDate: string; areaM2: number; place: string; description: string; isDemo: boolean; version: number }
export interface GreeningYear { id: string; version: number; isDemo: boolean; year: number; targetM2: number; achievedM2: number; percent: number; note: string; entries: GreeningEntry[] }
export interface Utility {
  id: string; kind: string; kindLabel: string; name: string; status: string; statusLabel: string; expectedOn: string | null; operatingSince: string | null;
  note: string; internalNote: string; sortOrder: number; isDemo: boolean; version: number; overdue: boolean;
}
export interface Enrolment {
  id: string; schoolName: string; facilityId: string | null; year: number; places: number | null; areaServed: string; howToApply: string;
  contactOffice: string; contactPhone: string | null; note: string; internalNote: string; isPublic: boolean; isDemo: boolean; version: number;
}
export interface ParkLife {
  today: string; canEdit: boolean; facilities: Facility[]; busRoutes: BusRoute[]; greening: GreeningYear[]; utilities: Utility[]; enrolment: Enrolment[];
}

export const FACILITY_KINDS = [
  { value: 'school', label: '学校' }, { value: 'canteen', label: '餐厅' }, { value: 'housing', label: '住宿' }, { value: 'shop', label: '商超' },
  { value: 'gym', label: '健身' }, { value: 'clinic', label: '卫生室' }, { value: 'other', label: '其他' },
];
export const FACILITY_STATUSES = [{ value: 'under_construction', label: '在建' }, { value: 'open', label: '运营中' }, { value: 'paused', label: '暂停' }];
export const UTILITY_KINDS = [{ value: 'water', label: '供水' }, { value: 'power', label: '供电' }, { value: 'heating', label: '供暖' }, { value: 'gas', label: '供气' }];
export const UTILITY_STATUSES = [
  { value: 'planned', label: '规划中' }, { value: 'under_construction', label: '建设中' }, { value: 'trial', label: '试运行' }, { value: 'operating', label: '已投运' }, { value: 'paused', label: '暂停' },
];
