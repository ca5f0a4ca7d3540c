/**
 * What a first user hits: every demo account logs in from the home page and from a deep link and lands there the
 * first time (on a phone too); a page the role may not open says so; /login when logged in goes on. The agent's
 * and the enterprise's home says what they can do today and leads to the public portal; the audit log reads in
 * Chinese; submitting with co-signers who have not answered says a draft was saved; the document buttons say
 * what they give.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { launchBrowser, newContext, shot, startServer, visible, type E2EServer, confirmDialog } from './support/env.js';
import { browserSuite } from './support/suite.js';

/** Each demo account with a page of its own that it may open. */
const ACCOUNTS: Array<{ username: string; deep: string }> = [
  { username: 'admin', deep: '/admin/audit' },
  { username: 'organizer', deep: '/suggestions?q=%E6%B1%A1%E6%B0%B4' },
  { username: 'gongxin', deep: '/suggestions/inbox' },
  { username: 'hengtong', deep: '/suggestions/stats' },
  { username: 'jiaoyu', deep: '/projects' },
  { username: 'gaoyipeng', deep: '/suggestions/mine' },
  { username: 'like', deep: '/promises/rate' },
  { username: 'duxiaolin', deep: '/suggestions/new' },
  { username: 'hanzhifeng', deep: '/promises' },
  { username: 'wanjianqin', deep: '/suggestions/export' },
  { username: 'zone', deep: '/parklife' },
  { username: 'agent', deep: '/notifications' },
  { username: 'kangshuo', deep: '/notifications' },
];

const here = (page: Page) => { const u = new URL(page.url()); return u.pathname + u.search; };
const label = (text: string) => new RegExp(`^\\s*${[...text].join('\\s*')}\\s*$`);

async function choose(page: Page, field: Locator, option: string) {
  await field.click();
  await field.pressSequentially(option);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first().waitFor({ state: 'visible' });
  await page.keyboard.press('Enter');
}

browserSuite('first user: log in from anywhere, honest homes, readable audit, co-signers, document buttons', () => {
  let server: E2EServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  async function fresh(opts: { phone?: boolean } = {}): Promise<Page> {
    const ctx = await newContext(browser, server.url, opts);
    contexts.push(ctx);
    return ctx.newPage();
  }

  /** Opens `path` logged out, is sent to the login form, logs in once, and must be back on `path` for good. */
  async function loginFrom(page: Page, path: string, username: string) {
    await page.goto(path);
    await page.waitForURL((u) => u.pathname === '/login' && u.searchParams.get('next') === path);
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码').fill('demo123456');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await visible(page.getByTestId('user-menu'), 10_000);
    // The old defect flashed the target, then fell back to an empty login form: give it the time to do so.
    await page.waitForLoadState('networkidle');
    expect(here(page)).toBe(path);
    expect(await page.getByLabel('密码').count()).toBe(0);
  }

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
  });

  for (const a of ACCOUNTS) {
    it(`${a.username} logs in from / and from ${a.deep}, the first time`, async () => {
      const home = await fresh();
      await loginFrom(home, '/', a.username);
      await visible(home.getByTestId('home-welcome'));
      await home.context().close();

      const deep = await fresh();
      await loginFrom(deep, a.deep, a.username);
      expect(await deep.getByText('无权访问').count()).toBe(0);
      await deep.context().close();
    });
  }

  it('on a phone, a deputy logs in from a deep link and lands on it', async () => {
    const page = await fresh({ phone: true });
    await loginFrom(page, '/suggestions/mine', 'gaoyipeng');
    await visible(page.getByRole('button', { name: '菜单' }));
  });

  it('a deep link to a page the role may not open shows 无权访问, not the login form again', async () => {
    for (const [username, path] of [['kangshuo', '/suggestions'], ['gongxin', '/admin/users'], ['agent', '/projects']] as const) {
      const page = await fresh();
      await loginFrom(page, path, username);
      await visible(page.getByText('无权访问'));
      await page.context().close();
    }
  });

  it('someone logged in who opens /login is sent on', async () => {
    const page = await fresh();
    await loginFrom(page, '/', 'organizer');
    await page.goto('/login');
    await page.waitForURL((u) => u.pathname === '/');
    await visible(page.getByTestId('home-welcome'));
    await page.goto('/login?next=%2Fsuggestions%2Fsearch');
    await page.waitForURL((u) => u.pathname === '/suggestions/search');
    expect(await page.getByLabel('密码').count()).toBe(0);
  });

  for (const [username, roleLabel] of [['agent', '代办员'], ['kangshuo', '企业']] as const) {
    it(`${username} (${roleLabel}) sees what it can do today and a way to the public portal`, async () => {
      for (const phone of [false, true]) {
        const page = await fresh({ phone });
        await loginFrom(page, '/', username);
        const welcome = page.getByTestId('home-welcome');
        await visible(welcome.getByText(roleLabel, { exact: true }));
        const text = (await welcome.textContent()) ?? '';
        expect(text).not.toMatch(/代办事项清单|办理时限|政策申报进度/);
        const card = page.getByTestId('home-portal');
        await visible(card.getByText(/已公开的建议答复（\d+ 件）/));
        await visible(card.getByText(/重点项目进度（\d+ 个）/));
        expect(await card.getByRole('link', { name: '打开公众门户 →' }).getAttribute('href')).toBe('/public');
        await shot(page, `first-user-home-${username}${phone ? '-phone' : ''}`);
        if (phone) {
          await page.getByRole('button', { name: '菜单' }).click();
          await visible(page.locator('.ant-drawer').getByRole('link', { name: '公众门户' }));
        } else {
          await visible(page.getByRole('link', { name: '公众门户' }).first());
          // The portal is its own app: the link loads it rather than the logged-in app's 404.
          await card.getByRole('link', { name: /已公开的建议答复/ }).click();
          await page.waitForURL((u) => u.pathname === '/public/replies');
          await visible(page.getByText('区内办 · 公开'));
          expect(await page.getByText('页面不存在').count()).toBe(0);
        }
        await page.context().close();
      }
    });
  }

  it('the audit log names actions in Chinese and objects by name; the detail keeps the code', async () => {
    const page = await fresh();
    await loginFrom(page, '/admin/audit', 'admin');
    const table = page.locator('.ant-table');
    const loginRow = table.locator('tr', { has: page.getByRole('cell', { name: '登录', exact: true }) }).first();
    await visible(loginRow);
    await visible(loginRow.getByText('系统管理员（admin）').last());
    expect(await table.getByText('auth.login', { exact: true }).count()).toBe(0);
    await loginRow.locator('.ant-table-row-expand-icon').click();
    const detail = page.getByTestId('audit-detail').first();
    await visible(detail.getByText('auth.login'));
    await visible(detail.getByText('app_user'));
    await shot(page, 'first-user-audit');
    // Filtering still goes by code; the rows it finds read in Chinese.
    await page.getByPlaceholder(/操作代码/).fill('demo.');
    await page.getByRole('button', { name: label('筛选') }).click();
    await visible(table.getByText('载入演示数据：建议'));
  });

  it('submitting with a co-signer who has not answered saves a draft and says what happens next', async () => {
    const page = await fresh();
    await loginFrom(page, '/suggestions/new', 'duxiaolin');
    await choose(page, page.getByLabel('邀请附议代表'), '韩志峰');
    await page.keyboard.press('Escape');
    await page.getByLabel('类别').fill('城乡建设');
    await page.keyboard.press('Escape');
    await page.getByLabel('标题').fill('关于在开发区增设公共自行车停放点的建议');
    await page.getByLabel('内容').fill('开发区企业职工短途出行不便，建议在主要厂区和公交站附近增设公共自行车停放点，方便换乘。');
    await page.getByRole('button', { name: label('提交建议') }).click();
    const dialog = page.locator('.ant-modal-confirm');
    await visible(dialog.getByText('附议代表确认后才能提交').filter({ visible: true }));
    await visible(dialog.getByText(/韩志峰代表附议.*全部答复（同意或谢绝）后，建议才能提交/).filter({ visible: true }));
    await confirmDialog(dialog.getByRole('button', { name: '保存草稿并发出邀请' }));
    // Saving writes the draft, its invitations and notifications: on a loaded machine that can take a while.
    await page.waitForURL(/\/suggestions\/[0-9a-f-]{36}$/, { timeout: 60_000 });
    await visible(page.getByText('草稿已保存；附议代表韩志峰尚未确认，全部确认后才能提交').first());
    await visible(page.getByTestId('signers-pending'));
    await visible(page.getByTestId('state-tag').getByText('草稿'));
    await shot(page, 'first-user-cosigner-draft');
    // The detail page's button says the same rule instead of offering a submit that fails.
    await page.getByTestId('suggestion-actions').getByRole('button', { name: label('提交建议') }).click();
    await visible(page.locator('.ant-modal-confirm').getByText('暂不能提交').filter({ visible: true }));
    await visible(page.locator('.ant-modal-confirm').getByText(/附议代表韩志峰尚未答复附议邀请/).filter({ visible: true }));
  });

  it('the reply document buttons say what they give: a joint .docx, or a .zip of one letter per deputy', async () => {
    const page = await fresh();
    await loginFrom(page, '/suggestions?q=187', 'organizer');
    await page.getByRole('link', { name: /关于提升开发区公共配套服务/ }).first().click();
    const main = page.getByTestId('download-docx').getByRole('button').first();
    await visible(main);
    const text = ((await main.textContent()) ?? '').replace(/\s+/g, '');
    expect(text).toMatch(/^下载(联合答复（\.docx）|逐人答复（\d+份，\.zip）)$/);
    const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), main.click()]);
    expect(dl.suggestedFilename().endsWith(text.includes('.zip') ? '.zip' : '.docx')).toBe(true);
  });
});
