import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientFor, createTestEnv, TEST_DIALECT, type Client, type TestEnv } from '../../testing/harness.js';

describe('document-number registry (发文字号)', () => {
  let env: TestEnv;
  let gongxin: Client;
  let organizer: Client;
  beforeAll(async () => {
    // A year the demo data has no numbers in.
    env = await createTestEnv({ now: '2025-03-03T02:00:00.000Z' });
    gongxin = await env.as('gongxin');
    organizer = await env.as('organizer');
  });
  afterAll(async () => { await env.close(); });

  const allocate = (c: Client, prefix: string, title = '关于某事项的通知', year?: number) => c.post('/api/doc-numbers/allocate', { prefix, title, ...(year ? { year } : {}) });

  it('allocates the next serial in the standard form, without padding, and audits it', async () => {
    const first = await allocate(gongxin, '高工信发', '关于开展企业走访的通知');
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ number: '高工信发〔2025〕1号', serial: 1, year: 2025, state: 'allocated', stateLabel: '已取号', title: '关于开展企业走访的通知' });
    expect(first.json().createdByName).toContain('gongxin');
    const second = await allocate(gongxin, '高工信发');
    expect(second.json().number).toBe('高工信发〔2025〕2号');
    const audit = await env.ctx.db.selectFrom('audit_log').select(['action', 'entity_id']).where('entity_id', '=', first.json().id).execute();
    expect(audit.map((a) => a.action)).toEqual(['doc_number.allocate']);
    const list = await gongxin.get('/api/doc-numbers?prefix=高工信发&year=2025');
    expect(list.statusCode).toBe(200);
    expect(list.json()).toMatchObject({ nextSerial: 3, nextNumber: '高工信发〔2025〕3号', canManage: true });
    expect(list.json().items.map((i: { number: string }) => i.number)).toEqual(['高工信发〔2025〕2号', '高工信发〔2025〕1号']);
  });

  it('unit staff keep only their own prefix; the organizer keeps all', async () => {
    const jiaoyu = await env.as('jiaoyu');
    const refused = await allocate(jiaoyu, '高工信发');
    expect(refused.statusCode).toBe(403);
    expect(refused.json().message).toContain('本单位');
    expect((await jiaoyu.get('/api/doc-numbers?prefix=高工信发&year=2025')).statusCode).toBe(403);
    expect((await allocate(await env.as('hengtong'), '高工信发')).statusCode).toBe(403);
    expect((await allocate(await env.as('gaoyipeng'), '高工信发')).statusCode).toBe(403);
    const byOrganizer = await allocate(organizer, '高教发', '关于学校建设的报告');
    expect(byOrganizer.statusCode).toBe(200);
    expect(byOrganizer.json()).toMatchObject({ number: '高教发〔2025〕1号', orgUnitName: '高平市教育局' });
    const own = (await jiaoyu.get('/api/doc-numbers/prefixes')).json();
    expect(own.prefixes.map((p: { prefix: string }) => p.prefix)).toEqual(['高教发']);
    const all = (await organizer.get('/api/doc-numbers/prefixes')).json();
    expect(all.prefixes.map((p: { prefix: string }) => p.prefix)).toEqual(expect.arrayContaining(['高工信发', '高教发', '高政办发']));
    expect(all.currentYear).toBe(2025);
  });

  it('refuses unknown prefixes and future years', async () => {
    const unknown = await allocate(organizer, '不存在发');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().message).toContain('不是任何单位的发文字号前缀');
    const future = await allocate(gongxin, '高工信发', '关于明年工作的通知', 2026);
    expect(future.statusCode).toBe(400);
    expect(future.json().message).toContain('未来年份');
    const bad = await gongxin.post('/api/doc-numbers/allocate', { prefix: '高工信发', title: '' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toMatch(/标题/);
  });

  it('reserves numbers, puts a reserved one to use, and refuses to use it twice', async () => {
    const res = await gongxin.post('/api/doc-numbers/reserve', { prefix: '高教发', count: 2 });
    expect(res.statusCode).toBe(403);
    const reserved = await gongxin.post('/api/doc-numbers/reserve', { prefix: '高工信发', count: 3, note: '留给年度总结' });
    expect(reserved.statusCode).toBe(200);
    const items = reserved.json() as Array<{ id: string; number: string; state: string; version: number }>;
    expect(items.map((i) => i.number)).toEqual(['高工信发〔2025〕3号', '高工信发〔2025〕4号', '高工信发〔2025〕5号']);
    expect(items.every((i) => i.state === 'reserved')).toBe(true);
    const used = await gongxin.post(`/api/doc-numbers/${items[0].id}/use`, { version: items[0].version, title: '2025年工作总结' });
    expect(used.statusCode).toBe(200);
    expect(used.json()).toMatchObject({ state: 'allocated', title: '2025年工作总结', version: 2 });
    const again = await gongxin.post(`/api/doc-numbers/${items[0].id}/use`, { version: 2, title: '另一份文件' });
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toContain('只有预留的号码可以启用');
    const stale = await gongxin.post(`/api/doc-numbers/${items[1].id}/use`, { version: 7, title: '另一份文件' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('stale_write');
    expect((await allocate(gongxin, '高工信发')).json().number).toBe('高工信发〔2025〕6号');
  });

  it('voids a number with a reason; a voided number is never handed out or entered again', async () => {
    const n = (await allocate(gongxin, '高工信发', '错误取号的文件')).json();
    const noReason = await gongxin.post(`/api/doc-numbers/${n.id}/void`, { version: n.version, reason: '' });
    expect(noReason.statusCode).toBe(400);
    const voided = await gongxin.post(`/api/doc-numbers/${n.id}/void`, { version: n.version, reason: '标题有误，重新取号' });
    expect(voided.statusCode).toBe(200);
    expect(voided.json()).toMatchObject({ state: 'voided', voidedFrom: 'allocated', voidReason: '标题有误，重新取号', stateLabel: '已作废' });
    expect(voided.json().voidedByName).toContain('gongxin');
    const twice = await gongxin.post(`/api/doc-numbers/${n.id}/void`, { version: 2, reason: '再次作废' });
    expect(twice.statusCode).toBe(409);
    const next = (await allocate(gongxin, '高工信发')).json();
    expect(next.serial).toBe(n.serial + 1);
    const manual = await gongxin.post('/api/doc-numbers/manual', { number: n.number, title: '想重新使用' });
    expect(manual.statusCode).toBe(409);
    expect(manual.json().message).toContain('作废的号码不能再使用');
    const audit = await env.ctx.db.selectFrom('audit_log').select('action').where('entity_id', '=', n.id).orderBy('seq').execute();
    expect(audit.map((a) => a.action)).toEqual(['doc_number.allocate', 'doc_number.void']);
  });

  it('enters historical numbers by hand in any bracket form, stores the canonical one, checks uniqueness and moves the counter', async () => {
    const manual = await organizer.post('/api/doc-numbers/manual', { number: '高工信发[2025]037号', title: '关于市人大七届六次会议第187号建议的答复', note: '纸质件补登' });
    expect(manual.statusCode).toBe(200);
    expect(manual.json()).toMatchObject({ number: '高工信发〔2025〕37号', serial: 37, state: 'manual', stateLabel: '手工登记' });
    for (const variant of ['高工信发（2025）37号', '高工信发【2025】第37号', '高工信发〔２０２５〕37号']) {
      const dup = await gongxin.post('/api/doc-numbers/manual', { number: variant, title: '重复登记' });
      expect(dup.statusCode, variant).toBe(409);
      expect(dup.json().message).toContain('高工信发〔2025〕37号已登记');
    }
    const below = await gongxin.post('/api/doc-numbers/manual', { number: '高工信发〔2025〕20号', title: '补登的第20号' });
    expect(below.statusCode).toBe(200);
    expect((await allocate(gongxin, '高工信发')).json().number).toBe('高工信发〔2025〕38号');
    const older = await organizer.post('/api/doc-numbers/manual', { number: '高工信发〔2021〕5号', title: '2021年的文件' });
    expect(older.json().number).toBe('高工信发〔2021〕5号');
    const garbage = await gongxin.post('/api/doc-numbers/manual', { number: '高工信发2025年37号', title: '格式不对' });
    expect(garbage.statusCode).toBe(400);
    expect(garbage.json().message).toContain('无法识别发文字号');
    const foreign = await gongxin.post('/api/doc-numbers/manual', { number: '高教发〔2023〕4号', title: '别的单位的号' });
    expect(foreign.statusCode).toBe(403);
    const prefixes = (await organizer.get('/api/doc-numbers/prefixes')).json();
    const gx = prefixes.prefixes.find((p: { prefix: string }) => p.prefix === '高工信发');
    const years = gx.years.map((y: { year: number }) => y.year);
    expect(years[0]).toBe(2025);
    expect(years).toContain(2021);
    expect([...years].sort((a: number, b: number) => b - a)).toEqual(years);
  });

  it(`hands out 1..50 without gaps or duplicates under 50 concurrent requests (${TEST_DIALECT === 'postgres' ? 'two instances' : 'one instance'})`, async () => {
    const clients: Client[] = [gongxin];
    if (TEST_DIALECT === 'postgres') {
      const second = await env.secondInstance();
      clients.push(clientFor(second.app, gongxin.cookie, gongxin.csrf));
    }
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) =>
      clients[i % clients.length].post('/api/doc-numbers/allocate', { prefix: '高工信发', year: 2023, title: `并发取号测试${i + 1}` })));
    const failures = results.filter((r) => r.statusCode !== 200).map((r) => `${r.statusCode} ${r.body}`);
    expect(failures).toEqual([]);
    const serials = results.map((r) => r.json().serial as number).sort((a, b) => a - b);
    expect(serials).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    const rows = await env.ctx.db.selectFrom('doc_number').select('serial').where('prefix', '=', '高工信发').where('year', '=', 2023).execute();
    expect(rows).toHaveLength(50);
    expect((await gongxin.get('/api/doc-numbers?prefix=高工信发&year=2023')).json().nextSerial).toBe(51);
  });
});
