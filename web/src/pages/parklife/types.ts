/**
 * The park life API's shapes, taken from the server's zod schemas so the pages and the server never drift.
 * Type-only: nothing from the server is bundled.
 */
import type { z } from 'zod';
import type * as S from '../../../../server/modules/parklife/parklife.schemas';

/** What GET /api/parklife returns. */
export type ParkLife = z.infer<typeof S.StaffParkLife>;
export type Facility = ParkLife['facilities'][number];
export type BusRoute = ParkLife['busRoutes'][number];
export type NextDepartures = BusRoute['next'];
export type GreeningYear = ParkLife['greening'][number];
export type GreeningEntry = z.infer<typeof S.GreeningEntryView>;
export type Utility = ParkLife['utilities'][number];
export type Enrolment = z.infer<typeof S.EnrolmentView>;

type Options<K extends string> = Array<{ value: K; label: string }>;
const options = <K extends string>(labels: Record<K, string>): Options<K> => Object.entries<string>(labels).map(([value, label]) => ({ value: value as K, label }));

// The labels are the server's (FACILITY_KIND_LABELS …): a kind added or removed there fails the type check here.
export const FACILITY_KINDS = options<(typeof S.FACILITY_KINDS)[number]>({
  school: '学校', canteen: '餐厅', housing: '住宿', shop: '商超', gym: '健身', clinic: '卫生室', other: '其他',
});
export const FACILITY_STATUSES = options<(typeof S.FACILITY_STATUSES)[number]>({ under_construction: '在建', open: '运营中', paused: '暂停' });
export const UTILITY_KINDS = options<(typeof S.UTILITY_KINDS)[number]>({ water: '供水', power: '供电', heating: '供暖', gas: '供气' });
export const UTILITY_STATUSES = options<(typeof S.UTILITY_STATUSES)[number]>({
  planned: '规划中', under_construction: '建设中', trial: '试运行', operating: '已投运', paused: '暂停',
});
