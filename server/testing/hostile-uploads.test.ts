/**
 * Every upload route, fed every hostile file (server/testing/hostile-files.ts): each answer is a 4xx with a
 * Chinese message (never a 5xx, never a 200), the server still answers /api/health at once afterwards, and
 * the process's memory does not grow by anything like what the bombs would inflate to.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type Client, type TestEnv } from './harness.js';
import { hostileFiles, type HostileFile, type OfficeKind } from './hostile-files.js';
import { postForm } from '../modules/projects/testing.js';
import { fresh187, ok } from '../modules/promises/testing.js';
import { SCHOOL_NAME } from '../modules/projects/projects.demo.js';
import { componentByName, png, projectByName } from '../modules/projects/testing.js';
import { fixtureSession } from '../modules/suggestions/tools.fixtures.js';

interface Route {
  name: string;
  kind: OfficeKind;
  /** Fixtures whose bytes are a kind the route takes (a PNG named .docx is a PNG to a photo upload). */
  takes?: string[];
  post: (f: HostileFile) => Promise<{ statusCode: number; body: string; json(): any }>;
}

describe('hostile uploads on every upload route', () => {
  let env: TestEnv;
  const routes: Route[] = [];
  let anyone: Client;

  beforeAll(async () => {
    env = await createTestEnv({ now: '2024-09-10T02:00:00.000Z' });
    const [gongxin, hengtong, organizer, zone] = await Promise.all(['gongxin', 'hengtong', 'organizer', 'zone'].map((u) => env.as(u)));
    anyone = gongxin;
    const file = (f: HostileFile, field: string) => [{ field, filename: f.fileName.replace(/"/g, '%22'), type: 'application/octet-stream', data: f.data }];

    // Promise evidence: a confirmed promise of the seed reply, owned by 恒通.
    const { replyId } = await fresh187(env);
    const { panel } = await ok(gongxin.post(`/api/replies/${replyId}/promises/extract`));
    const p = panel.proposals.find((x: any) => x.sourceText.includes('全年不少于3.5万平米'));
    const promise = await ok(gongxin.post(`/api/promises/${p.id}/confirm`, { version: p.version }));
    // Project photos: a report of the school's 综合楼 to add photos to.
    const schoolId = (await projectByName(env, SCHOOL_NAME)).id;
    const componentId = (await componentByName(env, schoolId, '综合楼')).id;
    const report = { componentId, stageKey: 'earthwork', percent: '100', asOf: '2024-08-23', note: '综合楼土方开挖完成' };
    const made = await postForm(zone, `/api/projects/${schoolId}/updates`, report, [{ filename: '现场.png', type: 'image/png', data: png() }]);
    expect(made.statusCode, made.body).toBe(200);
    const updateId = (await zone.get(`/api/projects/${schoolId}`)).json().updates.find((u: any) => !u.voided).id;
    const { sessionId } = await fixtureSession(env.ctx);

    routes.push(
      { name: 'POST /api/documents/check', kind: 'docx', post: (f) => postForm(gongxin, '/api/documents/check', {}, file(f, 'file')) },
      { name: 'POST /api/documents/import/parse', kind: 'docx', post: (f) => postForm(organizer, '/api/documents/import/parse', {}, file(f, 'file')) },
      {
        name: 'POST /api/promises/:id/evidence', kind: 'docx', takes: ['png'],
        post: async (f) => {
          const { version } = (await hengtong.get(`/api/promises/${promise.id}`)).json();
          return postForm(hengtong, `/api/promises/${promise.id}/evidence`, { version: String(version), note: '佐证', happenedOn: '2024-09-08' }, file(f, 'file'));
        },
      },
      { name: 'POST /api/projects/:id/updates', kind: 'docx', takes: ['png'], post: (f) => postForm(zone, `/api/projects/${schoolId}/updates`, report, file(f, 'photos')) },
      { name: 'POST /api/projects/:id/updates/:updateId/photos', kind: 'docx', takes: ['png'], post: (f) => postForm(zone, `/api/projects/${schoolId}/updates/${updateId}/photos`, {}, file(f, 'photos')) },
      { name: 'POST /api/suggestions/import/dry-run', kind: 'xlsx', post: (f) => postForm(organizer, '/api/suggestions/import/dry-run', { sessionId }, file(f, 'file')) },
      { name: 'POST /api/suggestions/import', kind: 'xlsx', post: (f) => postForm(organizer, '/api/suggestions/import', { sessionId }, file(f, 'file')) },
    );
  }, 120_000);
  afterAll(async () => {
    await env?.close();
  });

  it('refuses each file on each route with a Chinese 4xx; health stays quick and memory bounded', async () => {
    const files = { docx: hostileFiles('docx'), xlsx: hostileFiles('xlsx') };
    global.gc?.();
    const rssBefore = process.memoryUsage().rss;
    let rssPeak = rssBefore;
    const seen: string[] = [];
    for (const route of routes) {
      for (const f of files[route.kind]) {
        const res = await route.post(f);
        const label = `${route.name} ← ${f.what}: ${res.statusCode} ${res.body.slice(0, 200)}`;
        seen.push(label);
        if (route.takes?.includes(f.key)) {
          // Taken for what the bytes are, under the extension of that kind.
          expect(res.statusCode, label).toBe(200);
          continue;
        }
        expect(res.statusCode, label).toBeGreaterThanOrEqual(400);
        expect(res.statusCode, label).toBeLessThan(500);
        expect(res.json().message, label).toMatch(/[\u4e00-\u9fff]/);
        const t = performance.now();
        const health = await anyone.get('/api/health');
        expect(health.statusCode).toBe(200);
        expect(performance.now() - t, `health after ${label}`).toBeLessThan(1000);
        rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
      }
    }
    // The bombs alone would inflate to 100 MB each: none of it is ever held.
    expect(rssPeak - rssBefore, seen.join('\n')).toBeLessThan(250 * 1024 * 1024);
    expect(seen.length).toBe(routes.length * files.docx.length);
  }, 600_000);
});
