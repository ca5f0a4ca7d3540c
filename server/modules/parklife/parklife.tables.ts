/**
 * Park life (园区生活): facilities, bus routes, greening, utilities and school enrolment information, kept
 * by the zone and read by everyone on the public portal. Internal notes never leave the staff pages.
 */
export interface ParkFacilityTable {
  id: string;
  /** school | canteen | housing | shop | gym | clinic | other */
  kind: string;
  name: string;
  /** under_construction | open | paused */
  status: string;
  hours: string;
  capacity: number | null;
  /** 座 / 床位 / 个学位 / 人 … */
  capacity_unit: string;
  area_m2: number | null;
  place: string;
  /** An office line only: never a personal mobile. */
  contact_phone: string | null;
  description: string;
  /** The key project building it, if any (e.g. the school). */
  project_id: string | null;
  internal_note: string;
  is_public: number;
  sort_order: number;
  is_demo: number;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface BusRouteTable {
  id: string;
  route_no: string;
  from_stop: string;
  to_stop: string;
  via: string;
  /** Runs the same timetable from both ends. */
  bidirectional: number;
  first_departure: string;
  last_departure: string;
  headway_min: number | null;
  headway_max: number | null;
  /** JSON array of HH:MM, or null when the route runs on a headway. */
  departures_json: string | null;
  fare: string;
  operator: string;
  note: string;
  internal_note: string;
  is_public: number;
  sort_order: number;
  is_demo: number;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface GreeningYearTable {
  id: string;
  year: number;
  target_m2: number;
  note: string;
  is_demo: number;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface GreeningEntryTable {
  id: string;
  year: number;
  entry_date: string;
  area_m2: number;
  place: string;
  description: string;
  is_demo: number;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface UtilityServiceTable {
  id: string;
  /** water | power | heating | gas */
  kind: string;
  name: string;
  /** planned | under_construction | trial | operating | paused */
  status: string;
  expected_on: string | null;
  operating_since: string | null;
  note: string;
  internal_note: string;
  sort_order: number;
  is_demo: number;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface SchoolEnrolmentTable {
  id: string;
  school_name: string;
  facility_id: string | null;
  year: number;
  places: number | null;
  area_served: string;
  how_to_apply: string;
  contact_office: string;
  contact_phone: string | null;
  note: string;
  internal_note: string;
  is_public: number;
  is_demo: number;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface ParkLifeTables {
  park_facility: ParkFacilityTable;
  bus_route: BusRouteTable;
  greening_year: GreeningYearTable;
  greening_entry: GreeningEntryTable;
  utility_service: UtilityServiceTable;
  school_enrolment: SchoolEnrolmentTable;
}
