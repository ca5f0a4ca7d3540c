import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type Client, type TestEnv } from '../../testing/harness.js';
import { SCHOOL_NAME } from './projects.demo.js';
import { componentByName, png, postForm, projectByName } from './testing.js';
import { MAX_PHOTO_BYTES, sanitizeFileName, sniffImage } from './photos.js';

type Json = Record<string, any>;

describe('progress reports with photos', () => {
  let env: TestEnv;
  let zone: Client;
  let jiaoyu: Client;
  let schoolId: string;
  let complexId: string;

  beforeAll(async () => {
    env = await createTestEnv({ now: '2024-08-23T02:00:00.000Z', checkResponses: true });
    zone = await env.as('zone');
    jiaoyu = await env.as('jiaoyu');
    schoolId = (await projectByName(env, SCHOOL_NAME)).id;
    complexId = (await componentByName(env, schoolId, '综合楼')).id;
  });
  afterAll(async () => { await env.close(); });

  const fields = (over: Record<string, string> = {}) => ({ componentId: complexId, stageKey: 'earthwork', percent: '100', asOf: '2024-08-23', note: '综合楼土方开挖完成', ...over });

  it('a report with a photo moves 综合楼 from 3% to 5% and the school from 10.7% to 11.0%', async () => {
    const photo = png(5);
    const res = await postForm(zone, `/api/projects/${schoolId}/updates`, { ...fields(), captions: JSON.stringify(['综合楼基坑全貌']) }, [{ filename: '综合楼.png', type: 'image/png', data: photo }]);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ photos: 1, component: { name: '综合楼', before: 3, after: 5 }, project: { before: 10.7, after: 11 } });

    const d = (await zone.get(`/api/projects/${schoolId}`)).json();
    expect(d.progress).toBe(11);
    const latest = d.updates[0];
    expect(latest).toMatchObject({ componentName: '综合楼', stageName: '土方开挖', percent: 100, asOf: '2024-08-23', createdByName: '张伟（演示）' });
    expect(latest.photos[0]).toMatchObject({ name: '综合楼.png', mime: 'image/png', size: photo.length, caption: '综合楼基坑全貌' });
    expect(latest.photos[0].hash).toBe(createHash('sm3').update(photo).digest('hex'));

    const file = await zone.get(latest.photos[0].url);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('image/png');
    expect(Buffer.compare(file.rawPayload, photo)).toBe(0);

    const audit = await env.ctx.db.selectFrom('audit_log').selectAll().where('entity_id', '=', latest.id).executeTakeFirstOrThrow();
    expect(audit.action).toBe('project.progress.create');
    expect(JSON.parse(audit.after_json!).photos[0]).toMatchObject({ name: '综合楼.png', sm3: latest.photos[0].hash });
  });

  it('“此前工序均已完成” finishes every earlier stage', async () => {
    const res = await postForm(jiaoyu, `/api/projects/${schoolId}/updates`, fields({ stageKey: 'foundation_rebar', percent: '30', completesPrevious: 'true', note: '综合楼垫层完成，基础钢筋绑扎30%' }));
    expect(res.statusCode).toBe(200);
    // 土方 5 + 垫层 5 + 钢筋 10 × 30% = 13
    expect(res.json().component).toMatchObject({ before: 5, after: 13 });
  });

  it('a JSON report without photos works too', async () => {
    const office = await componentByName(env, schoolId, '办公楼');
    const res = await zone.post(`/api/projects/${schoolId}/updates`, { componentId: office.id, stageKey: 'earthwork', percent: 80, asOf: '2024-08-23', note: '办公楼土方开挖80%' });
    expect(res.statusCode).toBe(200);
    expect(res.json().component).toMatchObject({ before: 3, after: 4 });
  });

  describe('photo limits', () => {
    it('refuses a photo over 5 MB with 413', async () => {
      const big = Buffer.concat([png(), Buffer.alloc(MAX_PHOTO_BYTES)]);
      const res = await postForm(zone, `/api/projects/${schoolId}/updates`, fields(), [{ filename: '太大.png', type: 'image/png', data: big }]);
      expect(res.statusCode).toBe(413);
      expect(res.json().message).toBe('照片不能超过 5 MB，请压缩后再上传');
    });

    it('accepts a photo of exactly 5 MB', async () => {
      const head = png();
      const exact = Buffer.concat([head, Buffer.alloc(MAX_PHOTO_BYTES - head.length)]);
      const res = await postForm(zone, `/api/projects/${schoolId}/updates`, fields(), [{ filename: 'exact.png', type: 'image/png', data: exact }]);
      expect(res.statusCode).toBe(200);
    });

    it('refuses what is not a JPEG, PNG or WebP, whatever the browser claims (415)', async () => {
      const gif = Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1');
      const res = await postForm(zone, `/api/projects/${schoolId}/updates`, fields(), [{ filename: 'a.png', type: 'image/png', data: gif }]);
      expect(res.statusCode).toBe(415);
      expect(res.json().message).toBe('照片“a.png”的类型不受支持：只能上传 JPEG、PNG 或 WebP 图片');
      const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
      expect((await postForm(zone, `/api/projects/${schoolId}/updates`, fields(), [{ filename: 'x.svg', type: 'image/svg+xml', data: svg }])).statusCode).toBe(415);
    });

    it('refuses more than nine photos at once', async () => {
      const files = Array.from({ length: 10 }, (_, i) => ({ filename: `${i}.png`, type: 'image/png', data: png() }));
      const res = await postForm(zone, `/api/projects/${schoolId}/updates`, fields(), files);
      expect(res.statusCode).toBe(413);
      expect(res.json().message).toBe('一次最多上传 9 张照片');
    });

    it('a refused upload leaves nothing behind: no report, no file', async () => {
      const before = await env.ctx.db.selectFrom('project_progress_update').select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      const files = await env.ctx.db.selectFrom('file_blob').select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      await postForm(zone, `/api/projects/${schoolId}/updates`, fields(), [{ filename: 'ok.png', type: 'image/png', data: png() }, { filename: 'bad.txt', type: 'text/plain', data: Buffer.from('hello') }]);
      const after = await env.ctx.db.selectFrom('project_progress_update').select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      const filesAfter = await env.ctx.db.selectFrom('file_blob').select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      expect(Number(after.n)).toBe(Number(before.n));
      expect(Number(filesAfter.n)).toBe(Number(files.n));
    });

    it('sanitises names and detects types from the bytes', () => {
      expect(sanitizeFileName('../../etc/passwd.png', 'image/png')).toBe('passwd.png');
      expect(sanitizeFileName('C:\\Users\\王\\现场 照片.JPG', 'image/jpeg')).toBe('现场 照片.jpg');
      expect(sanitizeFileName('evil\u202egpj.exe', 'image/png')).toBe('evilgpj.exe.png');
      expect(sanitizeFileName('', 'image/webp')).toBe('现场照片.webp');
      expect(sanitizeFileName('a'.repeat(200) + '.png', 'image/png')).toHaveLength(80);
      expect(sniffImage(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
      expect(sniffImage(Buffer.from('RIFF\x00\x00\x00\x00WEBPVP8 ', 'latin1'))).toBe('image/webp');
      expect(sniffImage(Buffer.from('%PDF-1.7'))).toBeNull();
    });

    it('stores the sanitised name', async () => {
      const res = await postForm(zone, `/api/projects/${schoolId}/updates`, fields(), [{ filename: '../../secret/现场.png', type: 'image/png', data: png() }]);
      expect(res.statusCode).toBe(200);
      const d = (await zone.get(`/api/projects/${schoolId}`)).json();
      expect(d.updates[0].photos[0].name).toBe('现场.png');
    });
  });

  describe('checks on the figures', () => {
    it('a lower figure needs a reason', async () => {
      const res = await zone.post(`/api/projects/${schoolId}/updates`, { componentId: complexId, stageKey: 'earthwork', percent: 50, asOf: '2024-08-23' });
      expect(res.statusCode).toBe(400);
      expect(res.json().message).toBe('“土方开挖”此前已填报 100%，本次 50% 低于此前数值；如为更正，请在说明中写明原因');
    });

    it('no reports dated in the future, for stages the building does not have, or for another project’s building', async () => {
      const future = await zone.post(`/api/projects/${schoolId}/updates`, { componentId: complexId, stageKey: 'earthwork', percent: 100, asOf: '2024-08-24' });
      expect(future.json().message).toBe('进度日期不能晚于今天（2024-08-23）');
      const stage = await zone.post(`/api/projects/${schoolId}/updates`, { componentId: complexId, stageKey: 'nope', percent: 10, asOf: '2024-08-23' });
      expect(stage.json().message).toBe('单体“综合楼”没有该工序');
      const other = (await env.ctx.db.selectFrom('project_component').select('id').where('project_id', '<>', schoolId).executeTakeFirstOrThrow()).id;
      const wrong = await zone.post(`/api/projects/${schoolId}/updates`, { componentId: other, stageKey: 'earthwork', percent: 10, asOf: '2024-08-23' });
      expect(wrong.json().message).toBe('所选单体不属于该项目');
      const pct = await postForm(zone, `/api/projects/${schoolId}/updates`, fields({ percent: '120' }));
      expect(pct.statusCode).toBe(400);
      expect(pct.json().message).toContain('百分比须在 0–100 之间');
    });

    it('a public note may not carry a personal mobile number; an internal one may', async () => {
      const pub = await zone.post(`/api/projects/${schoolId}/updates`, { componentId: complexId, stageKey: 'earthwork', percent: 100, asOf: '2024-08-23', note: '现场负责人 13912345678' });
      expect(pub.statusCode).toBe(400);
      expect(pub.json().message).toContain('不能包含手机号码');
      const internal = await zone.post(`/api/projects/${schoolId}/updates`, { componentId: complexId, stageKey: 'earthwork', percent: 100, asOf: '2024-08-23', note: '复核', internalNote: '现场负责人 13912345678', isPublic: false });
      expect(internal.statusCode).toBe(200);
    });

    it('another unit may not report on the school, and is refused before its upload is read', async () => {
      const res = await postForm(await env.as('hengtong'), `/api/projects/${schoolId}/updates`, fields(), [{ filename: 'x.png', type: 'image/png', data: png() }]);
      expect(res.statusCode).toBe(403);
    });
  });

  describe('history: reports are voided, never deleted', () => {
    it('voiding a report takes its figure out of the progress and keeps it in the history', async () => {
      const office = await componentByName(env, schoolId, '办公楼');
      const created = await zone.post(`/api/projects/${schoolId}/updates`, { componentId: office.id, stageKey: 'bedding', percent: 100, completesPrevious: true, asOf: '2024-08-23', note: '误报' });
      expect(created.json().component.after).toBe(10);
      let d = (await zone.get(`/api/projects/${schoolId}`)).json();
      const u = d.updates.find((x: Json) => x.id === created.json().id);
      const stale = await zone.post(`/api/projects/${schoolId}/updates/${u.id}/void`, { version: u.version + 1, reason: '误报' });
      expect(stale.statusCode).toBe(409);
      const voided = await zone.post(`/api/projects/${schoolId}/updates/${u.id}/void`, { version: u.version, reason: '填错单体' });
      expect(voided.statusCode).toBe(200);
      d = (await zone.get(`/api/projects/${schoolId}`)).json();
      expect(d.components.find((c: Json) => c.name === '办公楼').percent).toBe(4);
      expect(d.updates.find((x: Json) => x.id === u.id).voided).toMatchObject({ reason: '填错单体' });
      const twice = await zone.post(`/api/projects/${schoolId}/updates/${u.id}/void`, { version: u.version + 1, reason: 'again' });
      expect(twice.statusCode).toBe(409);
      expect(twice.json().message).toContain('已于 2024-08-23 作废');
    });

    it('photos can be added to and removed from a report', async () => {
      let d = (await zone.get(`/api/projects/${schoolId}`)).json();
      const u = d.updates.find((x: Json) => !x.voided && x.photos.length === 0);
      const add = await postForm(zone, `/api/projects/${schoolId}/updates/${u.id}/photos`, { captions: JSON.stringify(['补拍']) }, [{ filename: '补拍.png', type: 'image/png', data: png() }]);
      expect(add.statusCode).toBe(200);
      d = (await zone.get(`/api/projects/${schoolId}`)).json();
      const ph = d.updates.find((x: Json) => x.id === u.id).photos[0];
      expect(ph.caption).toBe('补拍');
      expect((await zone.delete(`/api/projects/${schoolId}/updates/${u.id}/photos/${ph.id}`)).statusCode).toBe(200);
      expect((await zone.get(ph.url)).statusCode).toBe(404);
    });

    it('the words of a report can be edited with its version; its figures cannot', async () => {
      const d = (await zone.get(`/api/projects/${schoolId}`)).json();
      const u = d.updates.find((x: Json) => !x.voided);
      const res = await zone.patch(`/api/projects/${schoolId}/updates/${u.id}`, { version: u.version, note: '更正后的说明' });
      expect(res.statusCode).toBe(200);
      const again = await zone.patch(`/api/projects/${schoolId}/updates/${u.id}`, { version: u.version, note: '第二次' });
      expect(again.statusCode).toBe(409);
    });

    it('a completed project takes no more reports', async () => {
      const p = await projectByName(env, SCHOOL_NAME);
      await zone.patch(`/api/projects/${schoolId}`, { version: p.version, status: 'completed' });
      const res = await zone.post(`/api/projects/${schoolId}/updates`, { componentId: complexId, stageKey: 'earthwork', percent: 100, asOf: '2024-08-23' });
      expect(res.statusCode).toBe(409);
      expect(res.json().message).toBe('项目已竣工，不能再填报进度');
      const q = await projectByName(env, SCHOOL_NAME);
      await zone.patch(`/api/projects/${schoolId}`, { version: q.version, status: 'under_construction' });
    });
  });

  it('every response above was exactly what the service returned (the response schemas drop nothing)', () => {
    expect([...env.responsesChecked].filter((r) => r.includes('/api/projects')).length).toBeGreaterThan(0);
    expect(env.responseDrift).toEqual([]);
  });
});
