import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type Client, type TestEnv } from '../../testing/harness.js';
import { FACTORY_NAME, SCHOOL_NAME } from './projects.demo.js';
import { componentByName, png, postForm, projectByName } from './testing.js';

type Json = Record<string, any>;

describe('public project APIs: progress for everyone, internal matters for no one', () => {
  let env: TestEnv;
  let zone: Client;
  let anon: Client;
  let schoolId: string;
  const SECRET_NOTE = '内部：施工单位资金紧张，暂不对外';
  const SECRET_ISSUE = '需协调的内部事项（不公开）';

  beforeAll(async () => {
    env = await createTestEnv({ now: '2024-08-23T02:00:00.000Z' });
    zone = await env.as('zone');
    anon = env.anon();
    const school = await projectByName(env, SCHOOL_NAME);
    schoolId = school.id;
    await zone.patch(`/api/projects/${schoolId}`, { version: school.version, internalNote: SECRET_NOTE });
    await zone.post(`/api/projects/${schoolId}/issues`, { type: '资金', title: SECRET_ISSUE, raisedOn: '2024-08-23', raisedBy: '施工单位', actionRequired: '协调拨付进度款' });
    const complex = await componentByName(env, schoolId, '综合楼');
    // One report kept internal, with a photo, and one public report with an internal remark.
    const internal = await postForm(zone, `/api/projects/${schoolId}/updates`, {
      componentId: complex.id, stageKey: 'earthwork', percent: '70', asOf: '2024-08-23', note: '内部复核', internalNote: '复核人员手机 13912345678', isPublic: 'false',
    }, [{ filename: 'internal.png', type: 'image/png', data: png(4) }]);
    expect(internal.statusCode).toBe(200);
    const open = await zone.post(`/api/projects/${schoolId}/updates`, { componentId: complex.id, stageKey: 'earthwork', percent: 80, asOf: '2024-08-23', note: '综合楼土方开挖完成80%', internalNote: '内部备注：监理口头确认' });
    expect(open.statusCode).toBe(200);
  });
  afterAll(async () => { await env.close(); });

  it('lists every public project with progress, light and next milestone, without logging in', async () => {
    const res = await anon.get('/api/public/projects');
    expect(res.statusCode).toBe(200);
    const list = res.json() as Json[];
    expect(list.map((p) => p.name)).toEqual(expect.arrayContaining([SCHOOL_NAME, FACTORY_NAME]));
    const school = list.find((p) => p.name === SCHOOL_NAME)!;
    expect(school).toMatchObject({ ownerOrgName: '高平市教育局', location: '米山镇米西村（紧邻高平一中）', nextMilestone: { name: '主体封顶', targetDate: '2024-12-31' } });
    expect(['green', 'yellow', 'red']).toContain(school.light.light);
    expect(Object.keys(school).sort()).toEqual([
      'category', 'componentCount', 'id', 'lastReportOn', 'level', 'light', 'location', 'name', 'nextMilestone', 'ownerOrgName', 'plannedFinish',
      'plannedInvestmentWan', 'plannedStart', 'progress', 'status', 'statusLabel',
    ]);
  });

  it('the detail gives every building its stages and per cent, the counted progress including internal reports', async () => {
    const d = (await anon.get(`/api/public/projects/${schoolId}`)).json();
    const complex = d.components.find((c: Json) => c.name === '综合楼');
    expect(complex.stages[0]).toMatchObject({ name: '土方开挖', percent: 80 });
    expect(d.components.find((c: Json) => c.name === '宿舍楼').percent).toBe(22);
    expect(d.milestones).toEqual(expect.arrayContaining([expect.objectContaining({ name: '主体封顶', targetDate: '2024-12-31', achievedOn: null })]));
  });

  it('shows public reports with their photos, and never internal ones', async () => {
    const d = (await anon.get(`/api/public/projects/${schoolId}`)).json();
    expect(d.updates.some((u: Json) => u.note === '综合楼土方开挖完成80%')).toBe(true);
    expect(d.updates.some((u: Json) => u.note === '内部复核')).toBe(false);
    const withPhoto = d.updates.find((u: Json) => u.photos.length > 0);
    expect(withPhoto.photos[0].url).toMatch(/^\/api\/public\/files\//);
    const img = await anon.get(withPhoto.photos[0].url);
    expect(img.statusCode).toBe(200);
    expect(img.headers['content-type']).toBe('image/png');
  });

  it('hides coordination issues, internal notes, names of staff and anything marked internal', async () => {
    const bodies = [(await anon.get('/api/public/projects')).body, (await anon.get(`/api/public/projects/${schoolId}`)).body];
    for (const body of bodies) {
      for (const secret of [SECRET_NOTE, SECRET_ISSUE, '13912345678', '内部备注', '监理口头确认', '内部复核', '张伟', '演示数据：', 'internalNote', 'issues', 'createdBy', 'voided', '施工临时用电']) {
        expect(body, secret).not.toContain(secret);
      }
    }
  });

  it('the photo of an internal report is not served publicly, though staff see it', async () => {
    const staff = (await zone.get(`/api/projects/${schoolId}`)).json();
    const internal = staff.updates.find((u: Json) => u.note === '内部复核');
    const fileId = internal.photos[0].id;
    expect((await zone.get(internal.photos[0].url)).statusCode).toBe(200);
    const res = await anon.get(`/api/public/files/${fileId}`);
    expect(res.statusCode).toBe(404);
    expect(res.json().message).toBe('图片不存在或未公开');
  });

  it('a voided report and its photo disappear from the public view', async () => {
    const staff = (await zone.get(`/api/projects/${schoolId}`)).json();
    const withPhoto = staff.updates.find((u: Json) => !u.voided && u.isPublic && u.photos.length > 0);
    const fileId = withPhoto.photos[0].id;
    expect((await anon.get(`/api/public/files/${fileId}`)).statusCode).toBe(200);
    await zone.post(`/api/projects/${schoolId}/updates/${withPhoto.id}/void`, { version: withPhoto.version, reason: '照片有误' });
    expect((await anon.get(`/api/public/files/${fileId}`)).statusCode).toBe(404);
    const d = (await anon.get(`/api/public/projects/${schoolId}`)).json();
    expect(d.updates.some((u: Json) => u.id === withPhoto.id)).toBe(false);
  });

  it('a project withdrawn from the portal is neither listed nor readable, nor are its photos', async () => {
    const f = await projectByName(env, FACTORY_NAME);
    const staff = (await zone.get(`/api/projects/${f.id}`)).json();
    const fileId = staff.updates.find((u: Json) => u.photos.length > 0).photos[0].id;
    expect((await anon.get(`/api/public/files/${fileId}`)).statusCode).toBe(200);
    const unit = await (await env.as('hengtong')).patch(`/api/projects/${f.id}`, { version: f.version, isPublic: false });
    expect(unit.statusCode).toBe(403);
    expect((await zone.patch(`/api/projects/${f.id}`, { version: f.version, isPublic: false })).statusCode).toBe(200);
    expect(((await anon.get('/api/public/projects')).json() as Json[]).some((p) => p.name === FACTORY_NAME)).toBe(false);
    expect((await anon.get(`/api/public/projects/${f.id}`)).statusCode).toBe(404);
    expect((await anon.get(`/api/public/files/${fileId}`)).statusCode).toBe(404);
  });

  it('files that are not progress photos are never served by the public route', async () => {
    await env.ctx.db.insertInto('file_blob').values({ id: 'other-file', name: 'secret.png', mime: 'image/png', size: 3, content_hash: 'x', data: Buffer.from('abc'), created_by: null, created_at: '2024-08-23T00:00:00Z' }).execute();
    expect((await anon.get('/api/public/files/other-file')).statusCode).toBe(404);
  });
});
