import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { mustActor } from '../../platform/http/request-context.js';
import {
  BusRouteCreate, BusRouteUpdate, BusRouteView, EnrolmentCreate, EnrolmentUpdate, EnrolmentView, FacilityCreate, FacilityUpdate, FacilityView,
  GreeningEntryCreate, GreeningEntryUpdate, GreeningEntryView, GreeningYearBody, IdParams, OkResult, PublicParkLife, StaffParkLife, UtilityCreate,
  UtilityUpdate, UtilityView, VersionQuery, YearParams,
} from './parklife.schemas.js';
import type { RESOURCES } from './parklife.service.js';

const tags = ['园区生活'];

export const parkLifeRoutes: FastifyPluginAsyncZod = async (app) => {
  const s = () => app.services.parklife;

  app.get('/api/parklife', { schema: { tags, summary: '园区生活（工作人员视图，含内部备注）', response: { 200: StaffParkLife } } }, (req) => s().staffView(req.actor));

  // The four lists edited the same way: create, change with the version read, delete with the version.
  const lists: Array<{ path: string; name: keyof typeof RESOURCES; label: string; create: typeof FacilityCreate | typeof BusRouteCreate | typeof UtilityCreate | typeof EnrolmentCreate; update: typeof FacilityUpdate | typeof BusRouteUpdate | typeof UtilityUpdate | typeof EnrolmentUpdate; view: typeof FacilityView | typeof BusRouteView | typeof UtilityView | typeof EnrolmentView }> = [
    { path: 'facilities', name: 'facilities', label: '设施', create: FacilityCreate, update: FacilityUpdate, view: FacilityView },
    { path: 'bus-routes', name: 'busRoutes', label: '公交线路', create: BusRouteCreate, update: BusRouteUpdate, view: BusRouteView },
    { path: 'utilities', name: 'utilities', label: '水电暖气', create: UtilityCreate, update: UtilityUpdate, view: UtilityView },
    { path: 'enrolment', name: 'enrolments', label: '招生信息', create: EnrolmentCreate, update: EnrolmentUpdate, view: EnrolmentView },
  ];
  for (const l of lists) {
    app.post(`/api/parklife/${l.path}`, { schema: { tags, summary: `新增${l.label}`, body: l.create, response: { 200: l.view } } },
      (req) => s().create(l.name, mustActor(req.actor), req.body));
    app.patch(`/api/parklife/${l.path}/:id`, { schema: { tags, summary: `修改${l.label}（带版本号）`, params: IdParams, body: l.update, response: { 200: l.view } } },
      (req) => s().update(l.name, mustActor(req.actor), req.params.id, req.body as { version: number }));
    app.delete(`/api/parklife/${l.path}/:id`, { schema: { tags, summary: `删除${l.label}`, params: IdParams, querystring: VersionQuery, response: { 200: OkResult } } },
      (req) => s().remove(l.name, mustActor(req.actor), req.params.id, req.query.version));
  }

  app.put('/api/parklife/greening/:year', { schema: { tags, summary: '年度绿化目标（新建不带版本号，修改带版本号）', params: YearParams, body: GreeningYearBody, response: { 200: OkResult } } },
    (req) => s().putGreeningYear(mustActor(req.actor), req.params.year, req.body));
  app.post('/api/parklife/greening/:year/entries', { schema: { tags, summary: '登记绿化完成面积', params: YearParams, body: GreeningEntryCreate, response: { 200: GreeningEntryView } } },
    (req) => s().addGreeningEntry(mustActor(req.actor), req.params.year, req.body));
  app.patch('/api/parklife/greening-entries/:id', { schema: { tags, summary: '修改绿化记录（带版本号）', params: IdParams, body: GreeningEntryUpdate, response: { 200: GreeningEntryView } } },
    (req) => s().update('greeningEntries', mustActor(req.actor), req.params.id, req.body));
  app.delete('/api/parklife/greening-entries/:id', { schema: { tags, summary: '删除绿化记录', params: IdParams, querystring: VersionQuery, response: { 200: OkResult } } },
    (req) => s().remove('greeningEntries', mustActor(req.actor), req.params.id, req.query.version));

  app.get('/api/public/parklife', {
    schema: { tags: ['公开'], summary: '公开：园区生活（设施、公交下一班、绿化、水电暖气、入学信息）', response: { 200: PublicParkLife } },
  }, () => s().publicView());
};
