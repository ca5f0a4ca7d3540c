/**
 * No staff page is wider than a phone. Every page in web/src/pages.tsx is opened at 390×844 by each demo role
 * that may see it (ids for the pages with parameters are read from the API as that person), and once it has
 * settled, neither the document nor any element outside a horizontally scrolling box reaches past the screen,
 * and no card title is cut to an ellipsis. Also: 园区生活 at 1440 px keeps 关联项目 clear of the fixed 操作 column.
 * Set QUNEI_E2E_SHOTS=1 to save a screenshot of every page under e2e/screenshots.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, loginAs, newContext, shot, startServer, type E2EServer } from './support/env.js';
import { browserSuite } from './support/suite.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SHOTS = !!process.env.QUNEI_E2E_SHOTS;

/** The page list as the app declares it, so a page added there is checked here too. */
function declaredPages(): Array<{ path: string; roles: string[] | 'all' }> {
  const src = fs.readFileSync(path.join(root, 'web/src/pages.tsx'), 'utf8');
  const out = [...src.matchAll(/\{ path: '([^']+)', element: <\w+ \/>, roles: ('all'|\[[^\]]*\]) \}/g)].map((m) => ({
    path: m[1]!,
    roles: m[2] === "'all'" ? ('all' as const) : [...m[2]!.matchAll(/'(\w+)'/g)].map((r) => r[1]!),
  }));
  if (out.length < 20) throw new Error(`只从 pages.tsx 读到 ${out.length} 个页面，页面清单的写法可能变了`);
  return out;
}

const PEOPLE = [
  { username: 'admin', role: 'admin' },
  { username: 'organizer', role: 'organizer' },
  { username: 'gongxin', role: 'unit_staff' },
  { username: 'gaoyipeng', role: 'deputy' },
  { username: 'zone', role: 'zone_staff' },
];

/** Sample values for the route parameters, read as the logged-in person sees them. */
async function sampleParams(page: Page): Promise<Record<string, string | undefined>> {
  return page.evaluate(async () => {
    const get = async (url: string) => {
      const r = await fetch(url);
      return r.ok ? r.json() : null;
    };
    const promises = await get('/api/promises?pageSize=5');
    const first = promises?.items?.[0];
    const projects = await get('/api/projects');
    const publication = await get('/api/publication/replies?pageSize=5');
    const suggestions = first ? null : await get('/api/suggestions?pageSize=1');
    return {
      promise: first?.id,
      suggestion: first?.suggestion.id ?? suggestions?.items?.[0]?.id,
      reply: first?.reply.id,
      project: projects?.[0]?.id,
      publication: publication?.items?.[0]?.replyId,
    };
  });
}

function concrete(route: string, p: Record<string, string | undefined>): string | undefined {
  const map: Record<string, string | undefined> = {
    '/suggestions/:id': p.suggestion, '/suggestions/:id/reply': p.suggestion, '/suggestions/publication/:replyId': p.publication,
    '/projects/:id': p.project, '/promises/reply/:replyId': p.reply, '/promises/:id': p.promise,
  };
  if (!route.includes(':')) return route;
  const id = map[route];
  return id ? route.replace(/:[A-Za-z]+/, id) : undefined;
}

/** Counts the app's requests in flight, so a page can be called settled without a full reload for each. */
const COUNT_FETCHES = () => {
  const w = window as unknown as { __pending: number; __lastDone: number };
  w.__pending = 0;
  w.__lastDone = Date.now();
  const original = window.fetch.bind(window);
  // Lazy page chunks and images count as activity too: a route change waits for its code as well as its data.
  new PerformanceObserver(() => { w.__lastDone = Date.now(); }).observe({ type: 'resource' });
  window.fetch = async (...args: Parameters<typeof fetch>) => {
    w.__pending++;
    try { return await original(...args); } finally { w.__pending--; w.__lastDone = Date.now(); }
  };
};

/** Opens a page inside the running app (as a menu link would) and waits until its data is in and shown. */
async function open(page: Page, url: string) {
  await page.evaluate((u) => {
    (window as unknown as { __lastDone: number }).__lastDone = Date.now();
    history.pushState(null, '', u);
    dispatchEvent(new PopStateEvent('popstate'));
  }, url);
  await page.waitForFunction(() => {
    const w = window as unknown as { __pending: number; __lastDone: number };
    return w.__pending === 0 && Date.now() - w.__lastDone > 400
      && !document.querySelector('.ant-spin-spinning, .ant-skeleton-active');
  }, undefined, { timeout: 15_000, polling: 100 }).catch(() => undefined);
}

/** What reaches past the screen, outside any box that scrolls or clips sideways; and card titles cut short. */
async function overflow(page: Page) {
  return page.evaluate(() => {
    const vw = Math.min(window.innerWidth, window.screen.width);
    const problems: string[] = [];
    if (document.documentElement.scrollWidth > vw) problems.push(`页面宽 ${document.documentElement.scrollWidth}px`);
    const clipped = (el: Element) => {
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
        const s = getComputedStyle(a);
        if (s.overflowX !== 'visible' || s.position === 'fixed') return true;
      }
      return false;
    };
    const describe = (el: Element) => {
      const cls = typeof el.className === 'string' ? el.className.split(/\s+/).filter(Boolean).slice(0, 2).join('.') : '';
      return `${el.tagName.toLowerCase()}${cls ? '.' + cls : ''}「${(el.textContent ?? '').trim().slice(0, 16)}」`;
    };
    let wide = 0;
    for (const el of document.body.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || r.right <= vw + 1) continue;
      if (getComputedStyle(el).position === 'fixed' || clipped(el)) continue;
      if (wide++ < 3) problems.push(`${describe(el)} 右缘 ${Math.round(r.right)}px`);
    }
    const ids = new Map<string, number>();
    for (const el of document.querySelectorAll('[id]')) ids.set(el.id, (ids.get(el.id) ?? 0) + 1);
    for (const [id, n] of ids) if (n > 1) problems.push(`${n} 个元素的 id 都是“${id}”`);
    for (const el of document.querySelectorAll('.ant-card-head-title')) {
      if (el.scrollWidth > el.clientWidth + 1) problems.push(`卡片标题被截断：${describe(el)}`);
    }
    return problems;
  });
}

browserSuite('phone layout: no staff page is wider than the screen', () => {
  let server: E2EServer;
  let browser: Browser;
  const visited = new Set<string>();

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  for (const person of PEOPLE) {
    it(`${person.username}: every page at 390 px`, async () => {
      const ctx = await newContext(browser, server.url, { phone: true });
      try {
        await ctx.addInitScript(COUNT_FETCHES);
        const page = await ctx.newPage();
        await loginAs(page, person.username);
        const params = await sampleParams(page);
        const failures: string[] = [];
        for (const route of declaredPages().filter((r) => r.roles === 'all' || r.roles.includes(person.role))) {
          const url = concrete(route.path, params);
          if (!url) continue; // nothing of this kind is visible to this person (e.g. no project of 工信局's)
          await open(page, url);
          const problems = await overflow(page);
          visited.add(route.path);
          if (problems.length) failures.push(`${route.path}: ${problems.join('；')}`);
          if (SHOTS) await shot(page, `phone-${person.username}${route.path.replace(/[/:]+/g, '-')}`);
        }
        if (person.role === 'zone_staff' && params.project) {
          // The progress dialog, open on a phone: it fits, and its two percent controls do not share an id.
          await open(page, `/projects/${params.project}`);
          await page.getByText('填报', { exact: true }).first().click();
          await page.getByRole('dialog', { name: '填报进度' }).getByLabel('完成百分比').waitFor();
          await page.waitForTimeout(400);
          const problems = await page.evaluate(() => {
            const out: string[] = [];
            const box = document.querySelector('.ant-modal')!.getBoundingClientRect();
            if (box.left < 0 || box.right > window.screen.width) out.push(`对话框超出屏幕：${Math.round(box.left)}–${Math.round(box.right)}px`);
            const ids = [...document.querySelectorAll('.ant-modal [id]')].map((e) => e.id);
            for (const id of new Set(ids)) if (ids.filter((x) => x === id).length > 1) out.push(`多个元素的 id 都是“${id}”`);
            return out;
          });
          if (problems.length) failures.push(`填报进度对话框: ${problems.join('；')}`);
          if (SHOTS) await shot(page, 'phone-zone-progress-dialog');
        }
        expect(failures).toEqual([]);
      } finally {
        await ctx.close();
      }
    }, 150_000);
  }

  it('every declared page was opened by someone', () => {
    expect(declaredPages().map((r) => r.path).filter((p) => !visited.has(p))).toEqual([]);
  });

  it('园区生活 at 1440 px: 关联项目 is not under the fixed 操作 column', async () => {
    const ctx = await browser.newContext({ baseURL: server.url, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1440, height: 900 } });
    try {
      await ctx.addInitScript(COUNT_FETCHES);
      const page = await ctx.newPage();
      await loginAs(page, 'zone');
      await open(page, '/parklife');
      const header = page.locator('.ant-table-thead th').filter({ hasText: '关联项目' });
      const ops = page.locator('.ant-table-thead th').filter({ hasText: '操作' });
      // Clear of it as the page opens, and still when the table is scrolled to its far end (if it scrolls at all).
      for (const end of [false, true]) {
        if (end) await page.locator('.ant-table-content').first().evaluate((el) => { el.scrollLeft = el.scrollWidth; });
        await page.waitForTimeout(100);
        const [h, o] = [await header.boundingBox(), await ops.boundingBox()];
        expect(h && o, '关联项目、操作两列都应显示').toBeTruthy();
        expect(h!.x + h!.width, end ? '滚到最右时' : '打开时').toBeLessThanOrEqual(o!.x + 1);
      }
      if (SHOTS) await shot(page, 'parklife-1440');
    } finally {
      await ctx.close();
    }
  });
});
