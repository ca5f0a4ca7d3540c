import type { PermissionCase } from '../../testing/permission-case.js';
import type { TestEnv } from '../../testing/harness.js';
import { actorOf, ensureRuleSet, importedReply, seedImportBody, seedReplyDocx, seedText } from './documents.fixtures.js';

const UNIT_ROLES = ['admin', 'organizer', 'gongxin', 'hengtong', 'jiaoyu'];
/** Who keeps the 高工信发 numbers and 工信局's replies. */
const GONGXIN = ['admin', 'organizer', 'gongxin'];
/** The five deputies No. 187's reply is addressed to. */
const ADDRESSEES = ['gaoyipeng', 'like', 'duxiaolin', 'hanzhifeng', 'wanjianqin'];

let serial = 0;
const replies = new WeakMap<TestEnv, Promise<string>>();
/** One submitted reply of 工信局 per test environment. */
const sharedReply = (env: TestEnv) => {
  let r = replies.get(env);
  if (!r) replies.set(env, (r = importedReply(env, { docNumber: '高工信发〔2023〕901号' }).then((x) => x.replyId)));
  return r;
};

async function freshNumber(env: TestEnv, state: 'reserved' | 'allocated') {
  const organizer = await actorOf(env, 'organizer');
  const n = await env.ctx.db.transaction().execute((tx) =>
    env.app.services.documents.registry.allocateIn(tx, organizer, { prefix: '高工信发', year: 2022, state, title: state === 'allocated' ? '权限测试文件' : null }));
  return n;
}

const upload = async (fileName: string, data: Buffer | Promise<Buffer>) => ({ fileName, contentBase64: (await data).toString('base64') });

export const documentsPermissions: PermissionCase[] = [
  { method: 'GET', route: '/api/doc-numbers/prefixes', allowed: UNIT_ROLES, sample: () => ({ url: '/api/doc-numbers/prefixes' }) },
  { method: 'GET', route: '/api/doc-numbers', allowed: GONGXIN, sample: () => ({ url: `/api/doc-numbers?prefix=${encodeURIComponent('高工信发')}&year=2024` }) },
  { method: 'POST', route: '/api/doc-numbers/allocate', allowed: GONGXIN, sample: () => ({ url: '/api/doc-numbers/allocate', body: { prefix: '高工信发', title: '权限测试：取号' } }) },
  { method: 'POST', route: '/api/doc-numbers/reserve', allowed: GONGXIN, sample: () => ({ url: '/api/doc-numbers/reserve', body: { prefix: '高工信发', count: 1, note: '权限测试' } }) },
  { method: 'POST', route: '/api/doc-numbers/manual', allowed: GONGXIN, sample: () => ({ url: '/api/doc-numbers/manual', body: { number: `高工信发〔2019〕${++serial}号`, title: '权限测试：补登' } }) },
  {
    method: 'POST', route: '/api/doc-numbers/:id/use', allowed: GONGXIN,
    sample: async (env) => { const n = await freshNumber(env, 'reserved'); return { url: `/api/doc-numbers/${n.id}/use`, body: { version: n.version, title: '权限测试：启用' } }; },
  },
  {
    method: 'POST', route: '/api/doc-numbers/:id/void', allowed: GONGXIN,
    sample: async (env) => { const n = await freshNumber(env, 'allocated'); return { url: `/api/doc-numbers/${n.id}/void`, body: { version: n.version, reason: '权限测试作废' } }; },
  },
  { method: 'GET', route: '/api/replies/:id/document', allowed: [...GONGXIN, ...ADDRESSEES], sample: async (env) => ({ url: `/api/replies/${await sharedReply(env)}/document` }) },
  {
    method: 'POST', route: '/api/replies/:id/doc-number', allowed: GONGXIN,
    sample: async (env) => ({ url: `/api/replies/${(await importedReply(env)).replyId}/doc-number`, body: { version: 1 } }),
  },
  { method: 'GET', route: '/api/replies/:id/document.docx', allowed: [...GONGXIN, ...ADDRESSEES], sample: async (env) => ({ url: `/api/replies/${await sharedReply(env)}/document.docx` }) },
  {
    method: 'GET', route: '/api/replies/:id/document.pdf', allowed: [...GONGXIN, ...ADDRESSEES],
    sample: async (env) => {
      // Who may download is the question here, not LibreOffice: a stand-in converter answers at once.
      env.app.services.documents.replies.pdf.converter = { available: async () => true, convert: async () => Buffer.from('%PDF-1.4\n%%EOF\n') };
      return { url: `/api/replies/${await sharedReply(env)}/document.pdf` };
    },
  },
  { method: 'POST', route: '/api/documents/check', allowed: UNIT_ROLES, sample: async () => ({ url: '/api/documents/check', body: await upload('答复.docx', seedReplyDocx()) }) },
  { method: 'POST', route: '/api/documents/import/parse', allowed: UNIT_ROLES, sample: async () => ({ url: '/api/documents/import/parse', body: await upload('seed-187.txt', seedText()) }) },
  {
    method: 'POST', route: '/api/documents/import', allowed: GONGXIN,
    sample: async (env) => {
      await ensureRuleSet(env);
      return { url: '/api/documents/import', body: seedImportBody() };
    },
  },
];
