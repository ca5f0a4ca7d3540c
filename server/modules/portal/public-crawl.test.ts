import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../../testing/harness.js';
import { fieldCryptoFor } from '../../platform/crypto/field-crypto.js';
import { findPersonalData } from '../../../domain/text/redact.js';

/**
 * Crawls every public API response the demo data produces — lists, every detail reachable from them,
 * public search for pieces of each secret, photo URLs — and checks that nothing unpublished or private
 * appears: deputies' phones, drafts and unpublished replies, co-units' opinions, internal notes, reasons
 * and decisions, unconfirmed promises, and any personal phone number at all.
 */
describe('public crawl: nothing private in any public response', () => {
  let env: TestEnv;
  const bodies = new Map<string, string>();
  const secrets: Array<{ what: string; text: string }> = [];

  const windows = (text: string, size = 18): string[] => {
    const t = text.replace(/\s+/g, '');
    if (t.length <= size) return t.length >= 6 ? [t] : [];
    const out: string[] = [];
    for (let i = 0; i + size <= t.length; i += Math.max(6, Math.floor(size / 2))) out.push(t.slice(i, i + size));
    return out;
  };
  const addSecret = (what: string, text: string | null | undefined, size?: number) => {
    if (!text) return;
    for (const w of windows(text, size)) secrets.push({ what, text: w });
  };

  async function fetchPublic(url: string) {
    if (bodies.has(url)) return bodies.get(url)!;
    const res = await env.anon().get(url);
    expect(res.statusCode, `${url} → ${res.statusCode} ${res.body.slice(0, 200)}`).toBeLessThan(500);
    const body = res.headers['content-type']?.toString().includes('json') ? res.body : `[${res.headers['content-type']} ${res.rawPayload.length} bytes]`;
    bodies.set(url, body);
    return body;
  }

  const collectIds = (json: unknown, out: Set<string>) => {
    if (Array.isArray(json)) json.forEach((x) => collectIds(x, out));
    else if (json && typeof json === 'object') {
      for (const [k, v] of Object.entries(json)) {
        if (k === 'id' && typeof v === 'string') out.add(v);
        else collectIds(v, out);
      }
    }
  };

  beforeAll(async () => {
    env = await createTestEnv({ now: new Date().toISOString() });
    const db = env.ctx.db;
    const crypto = fieldCryptoFor(env.ctx.config);

    for (const d of await db.selectFrom('deputy').select(['name', 'phone_enc']).execute()) {
      const phone = crypto.decryptNullable(d.phone_enc);
      if (phone) secrets.push({ what: `代表${d.name}的电话`, text: phone });
    }
    for (const a of await db.selectFrom('assignment').select(['opinion_text', 'return_reason', 'return_decision_note']).execute()) {
      addSecret('协办意见', a.opinion_text);
      addSecret('退办理由', a.return_reason);
      addSecret('退办审核意见', a.return_decision_note);
    }
    for (const e of await db.selectFrom('extension_request').select(['reason', 'decision_note']).execute()) {
      addSecret('延期理由', e.reason);
      addSecret('延期审核意见', e.decision_note);
    }
    for (const s of await db.selectFrom('supervision_action').select(['note']).execute()) addSecret('督办记录', s.note);
    // Replies that are not published: every point's text is private until publication.
    const unpublished = await db.selectFrom('reply_point as p').innerJoin('reply as r', 'r.id', 'p.reply_id')
      .select(['p.text', 'r.id']).where('r.publication_state', '!=', 'published').execute();
    const publishedTexts = (await db.selectFrom('reply').select('published_json').where('publication_state', '=', 'published').execute()).map((r) => r.published_json ?? '').join('\n');
    for (const p of unpublished) {
      // A round-2 reply may repeat a point that round 1 published: only text not published anywhere is secret.
      for (const w of windows(p.text, 24)) if (!publishedTexts.replace(/\s+/g, '').includes(w)) secrets.push({ what: '未公开的答复内容', text: w });
    }
    for (const t of ['project', 'project_component', 'facility', 'bus_route', 'utility_status', 'enrolment_info'] as const) {
      try {
        for (const r of await (db as any).selectFrom(t).select('internal_note').execute()) addSecret(`${t} 内部备注`, r.internal_note, 12);
      } catch { /* table without internal notes */ }
    }
    try {
      for (const c of await (db as any).selectFrom('coordination_issue').selectAll().execute()) {
        addSecret('协调事项', c.action_required ?? c.action ?? null, 12);
        addSecret('协调事项', c.description ?? null, 12);
      }
    } catch { /* module absent */ }
    try {
      // An unconfirmed promise quotes its reply: only what no published reply says is secret.
      for (const p of await (db as any).selectFrom('promise').select(['text', 'confirmed']).where('confirmed', '=', 0).execute()) {
        for (const w of windows(p.text, 24)) if (!publishedTexts.replace(/\s+/g, '').includes(w)) secrets.push({ what: '未确认的承诺', text: w });
      }
    } catch { /* module absent */ }

    // Crawl: every public list route, then every detail route with every id seen.
    const routes = env.app.routeList.filter((r) => r.method === 'GET' && r.url.startsWith('/api/public/'));
    const ids = new Set<string>();
    for (const r of routes.filter((r) => !r.url.includes(':'))) {
      const url = r.url.includes('search') ? `${r.url}?q=答复` : r.url;
      const body = await fetchPublic(url);
      try { collectIds(JSON.parse(body), ids); } catch { /* not JSON */ }
    }
    for (const r of routes.filter((r) => r.url.includes(':'))) {
      for (const id of ids) {
        const body = await fetchPublic(r.url.replace(/:[a-zA-Z]+/, encodeURIComponent(id)));
        try { collectIds(JSON.parse(body), ids); } catch { /* not JSON */ }
      }
    }
    // Search with pieces of each secret: the index must not hold them either.
    const searchRoute = routes.find((r) => r.url === '/api/public/search');
    if (searchRoute) for (const s of secrets.slice(0, 200)) await fetchPublic(`/api/public/search?q=${encodeURIComponent(s.text.slice(0, 4))}`);
    for (const s of secrets.slice(0, 200)) if (routes.some((r) => r.url === '/api/public/replies')) await fetchPublic(`/api/public/replies?q=${encodeURIComponent(s.text.slice(0, 4))}`);
  }, 120_000);
  afterAll(async () => { await env.close(); });

  it('crawled the public API of the demo data', () => {
    expect(bodies.size).toBeGreaterThan(5);
    expect([...bodies.keys()].some((u) => u.startsWith('/api/public/projects/'))).toBe(true);
  });

  it('found secrets to look for in the demo data (deputies phones, unpublished replies)', () => {
    expect(secrets.some((s) => s.what.startsWith('代表'))).toBe(true);
    expect(secrets.some((s) => s.what === '未公开的答复内容')).toBe(true);
  });

  it('no public response contains a secret', () => {
    const leaks: string[] = [];
    for (const [url, body] of bodies) {
      const flat = body.replace(/\\n|\s+/g, '');
      for (const s of secrets) if (flat.includes(s.text)) leaks.push(`${url}: ${s.what}「${s.text}」`);
    }
    expect(leaks.slice(0, 20)).toEqual([]);
  });

  it('no public response carries a personal phone number, ID number or e-mail', async () => {
    const official = (await env.ctx.db.selectFrom('org_unit').select('official_phone').execute()).map((o) => o.official_phone).filter((x): x is string => !!x);
    const found: string[] = [];
    for (const [url, body] of bodies) {
      // Record ids are not personal data, though a UUID's last group can be twelve digits that look like a landline.
      const text = body.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, '<id>');
      for (const r of findPersonalData(text, { keepNumbers: official })) found.push(`${url}: ${r.kind} ${r.original}`);
    }
    expect(found.slice(0, 20)).toEqual([]);
  });
});
