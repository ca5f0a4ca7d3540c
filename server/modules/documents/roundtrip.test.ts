import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../../testing/harness.js';
import type { Actor } from '../../platform/auth/roles.js';
import { newId } from '../../platform/ids.js';
import { DEMO_ORGS } from '../../demo/orgs.js';
import { documentText } from '../../platform/files/document-text.js';
import { parseReply } from '../../../domain/text/reply-parser.js';
import { ensureRuleSet, previewToBody, seedText } from './documents.fixtures.js';

/**
 * Round trip: the seed reply imported, rendered to .docx by the app and read back gives the same fields. On a
 * database with the org units only, so the demo's own copy of No. 187 does not stand in the way.
 */
describe('round trip: import the seed, render it, parse the .docx', () => {
  let env: TestEnv;
  const organizer: Actor = { userId: newId(), username: 'roundtrip', displayName: '往返测试', role: 'organizer', orgUnitId: null, orgUnitName: null };
  beforeAll(async () => {
    env = await createTestEnv({ seed: false, now: '2024-09-02T02:00:00.000Z' });
    const now = env.ctx.clock.nowIso();
    for (const o of DEMO_ORGS) {
      await env.ctx.db.insertInto('org_unit').values({
        id: newId(), name: o.name, short_name: o.shortName, kind: o.kind, doc_prefix: o.docPrefix, official_phone: o.officialPhone, is_demo: 0, version: 1, created_at: now, updated_at: now,
      }).execute();
    }
    await ensureRuleSet(env, { mode: 'joint' });
  });
  afterAll(async () => { await env.close(); });

  it('gives the same docNumber, title, congress, session, number, proposers, subject, points, date and phone', async () => {
    const docs = env.app.services.documents;
    const preview = await docs.importer.preview(organizer, async () => ({ fileName: 'seed-187.txt', data: seedText() }));
    const imported = await docs.importer.confirm(organizer, previewToBody(preview));
    const file = await docs.replies.docx(organizer, imported.replyId, { mode: 'joint' });
    const again = parseReply(await documentText(file.data, file.fileName));
    const fields = (p: ReturnType<typeof parseReply>) => ({
      docNumber: p.docNumber, title: p.title, congress: p.congress, session: p.session, suggestionNumber: p.suggestionNumber,
      proposers: p.proposers, subject: p.subject, points: p.points.map((x) => ({ heading: x.heading, text: x.text })), date: p.date,
      contactPhone: p.contactPhone,
    });
    expect(fields(again)).toEqual(fields(preview.parsed));
    expect(fields(again)).toMatchObject({
      docNumber: '高工信发〔2024〕37号', title: '关于市人大七届六次会议第187号建议的答复', congress: '人大', session: '七届六次',
      suggestionNumber: 187, proposers: ['郜义鹏', '李科', '杜小林', '韩志峰', '万建勤'], subject: '关于提升开发区公共配套服务，优化营商环境的建议',
      date: '2024-08-22', contactPhone: '5241566',
    });
    expect(again.points).toHaveLength(6);
    expect(again.issuingOrgan).toBe('高平市工业和信息化局');
  });
});
