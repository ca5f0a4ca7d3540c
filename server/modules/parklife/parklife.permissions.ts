import type { PermissionCase } from '../../testing/permission-case.js';
import { EVERYONE } from '../../testing/permission-case.js';
import type { TestEnv } from '../../testing/harness.js';

const READERS = ['admin', 'organizer', 'zone'];
const ZONE = ['zone'];
const rnd = () => Math.random().toString(36).slice(2, 8);

const row = async (env: TestEnv, table: 'park_facility' | 'bus_route' | 'utility_service' | 'school_enrolment' | 'greening_entry') =>
  (await env.ctx.db.selectFrom(table).select(['id', 'version']).orderBy('created_at').executeTakeFirstOrThrow());
const year2024 = async (env: TestEnv) => (await env.ctx.db.selectFrom('greening_year').select('version').where('year', '=', 2024).executeTakeFirstOrThrow()).version;

export const parkLifePermissions: PermissionCase[] = [
  { method: 'GET', route: '/api/parklife', allowed: READERS, sample: () => ({ url: '/api/parklife' }) },
  { method: 'POST', route: '/api/parklife/facilities', allowed: ZONE, sample: () => ({ url: '/api/parklife/facilities', body: { kind: 'clinic', name: `卫生室${rnd()}`, status: 'open' } }) },
  { method: 'PATCH', route: '/api/parklife/facilities/:id', allowed: ZONE, sample: async (env) => { const r = await row(env, 'park_facility'); return { url: `/api/parklife/facilities/${r.id}`, body: { version: r.version } }; } },
  { method: 'DELETE', route: '/api/parklife/facilities/:id', allowed: ZONE, sample: () => ({ url: '/api/parklife/facilities/missing?version=1' }) },
  { method: 'POST', route: '/api/parklife/bus-routes', allowed: ZONE, sample: () => ({ url: '/api/parklife/bus-routes', body: { routeNo: `${rnd()}路`, fromStop: '开发区', toStop: '火车站', firstDeparture: '07:00', lastDeparture: '18:00', headwayMin: 30, headwayMax: 30 } }) },
  { method: 'PATCH', route: '/api/parklife/bus-routes/:id', allowed: ZONE, sample: async (env) => { const r = await row(env, 'bus_route'); return { url: `/api/parklife/bus-routes/${r.id}`, body: { version: r.version } }; } },
  { method: 'DELETE', route: '/api/parklife/bus-routes/:id', allowed: ZONE, sample: () => ({ url: '/api/parklife/bus-routes/missing?version=1' }) },
  { method: 'POST', route: '/api/parklife/utilities', allowed: ZONE, sample: () => ({ url: '/api/parklife/utilities', body: { kind: 'water', name: `再生水${rnd()}`, status: 'planned' } }) },
  { method: 'PATCH', route: '/api/parklife/utilities/:id', allowed: ZONE, sample: async (env) => { const r = await row(env, 'utility_service'); return { url: `/api/parklife/utilities/${r.id}`, body: { version: r.version } }; } },
  { method: 'DELETE', route: '/api/parklife/utilities/:id', allowed: ZONE, sample: () => ({ url: '/api/parklife/utilities/missing?version=1' }) },
  { method: 'POST', route: '/api/parklife/enrolment', allowed: ZONE, sample: () => ({ url: '/api/parklife/enrolment', body: { schoolName: `测试学校${rnd()}`, year: 2025 } }) },
  { method: 'PATCH', route: '/api/parklife/enrolment/:id', allowed: ZONE, sample: async (env) => { const r = await row(env, 'school_enrolment'); return { url: `/api/parklife/enrolment/${r.id}`, body: { version: r.version } }; } },
  { method: 'DELETE', route: '/api/parklife/enrolment/:id', allowed: ZONE, sample: () => ({ url: '/api/parklife/enrolment/missing?version=1' }) },
  { method: 'PUT', route: '/api/parklife/greening/:year', allowed: ZONE, sample: async (env) => ({ url: '/api/parklife/greening/2024', body: { version: await year2024(env), targetM2: 35000 } }) },
  { method: 'POST', route: '/api/parklife/greening/:year/entries', allowed: ZONE, sample: () => ({ url: '/api/parklife/greening/2024/entries', body: { entryDate: '2024-07-01', areaM2: 100, place: '测试地块' } }) },
  { method: 'PATCH', route: '/api/parklife/greening-entries/:id', allowed: ZONE, sample: async (env) => { const r = await row(env, 'greening_entry'); return { url: `/api/parklife/greening-entries/${r.id}`, body: { version: r.version } }; } },
  { method: 'DELETE', route: '/api/parklife/greening-entries/:id', allowed: ZONE, sample: () => ({ url: '/api/parklife/greening-entries/missing?version=1' }) },
  { method: 'GET', route: '/api/public/parklife', allowed: EVERYONE, sample: () => ({ url: '/api/public/parklife' }) },
];
