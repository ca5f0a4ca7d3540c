/**
 * The suggestion pages beyond the walk of No. 187, on the demo data: two people editing one reply, a return
 * decided, an extension asked for and granted, a deputy's draft co-signed and submitted, a session created,
 * and the unit's inbox on a phone.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { launchBrowser, loginAs, newContext, shot, startServer, visible, type E2EServer } from './support/env.js';
import { browserSuite } from './support/suite.js';

const label = (text: string) => new RegExp(`^\\s*${[...text].join('\\s*')}\\s*$`);
const button = (scope: Page | Locator, text: string) => scope.getByRole('button', { name: label(text) });

async function choose(page: Page, field: Locator, option: string) {
  await field.click();
  await field.pressSequentially(option);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first().waitFor({ state: 'visible' });
  await page.keyboard.press('Enter');
}

browserSuite('suggestion pages: concurrent editing, returns, extensions, co-signing, sessions', () => {
  let server: E2EServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  async function as(username: string, path: string, opts: { phone?: boolean } = {}): Promise<Page> {
    const ctx = await newContext(browser, server.url, opts);
    contexts.push(ctx);
    const page = await ctx.newPage();
    await loginAs(page, username);
    await page.goto(path);
    return page;
  }

  /** Opens a demo suggestion from the organizer's list by a words of its title. */
  async function idOf(title: string): Promise<string> {
    const page = await as('organizer', `/suggestions?q=${encodeURIComponent(title)}`);
    const link = page.getByRole('link', { name: new RegExp(title) }).first();
    await visible(link);
    const href = await link.getAttribute('href');
    await page.context().close();
    return href!.split('/').pop()!;
  }

  beforeAll(async () => {
    server = process.env.S187_URL ? { url: process.env.S187_URL, dataDir: '', stop: async () => undefined } : await startServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
  });

  it('two people edit one reply: the second sees 「该答复已被他人修改」, keeps their text and can save it over the latest version', async () => {
    const id = await idOf('企业用工服务保障');
    const a = await as('gongxin', `/suggestions/${id}/reply`);
    const b = await as('gongxin', `/suggestions/${id}/reply`);
    const editorA = a.getByTestId('reply-editor');
    const editorB = b.getByTestId('reply-editor');
    await visible(editorA.getByLabel('第1条内容'));
    await visible(editorB.getByLabel('第1条内容'));
    // Round 2: the deputies' comments on round 1 are beside the editor.
    await visible(b.getByTestId('deputy-feedback'));

    await editorA.getByLabel('第1条内容').fill('甲：人社局在园区设立用工服务站，每月举办一次专场招聘会。');
    await a.getByRole('button', { name: '保存草稿' }).click();
    await visible(a.getByText('草稿已保存'));

    const mine = '乙：园区用工服务站已于本月挂牌，并建立企业用工需求月报制度。';
    await editorB.getByLabel('第1条内容').fill(mine);
    await b.getByRole('button', { name: '保存草稿' }).click();
    const conflict = b.getByTestId('reply-conflict');
    await visible(conflict.getByText('该答复已被他人修改'));
    // Nothing typed is lost: B's text stays in the form, A's version is shown beside it.
    expect(await editorB.getByLabel('第1条内容').inputValue()).toBe(mine);
    await visible(conflict.getByText(/甲：人社局在园区设立用工服务站/));
    await shot(b, 'pages-01-reply-conflict');

    await conflict.getByRole('button', { name: /保留我的内容并保存/ }).click();
    await visible(b.getByText('草稿已保存'));
    await expect.poll(async () => (await b.getByTestId('reply-conflict').count())).toBe(0);

    // A reloads and sees B's text.
    await a.reload();
    await expect.poll(() => a.getByTestId('reply-editor').getByLabel('第1条内容').inputValue()).toBe(mine);
  });

  it('the organizer approves a return and the suggestion goes to the unit that takes it over', async () => {
    const id = await idOf('公共停车场');
    const page = await as('organizer', `/suggestions/${id}`);
    await visible(page.getByTestId('state-tag').getByText('申请退办'));
    await button(page, '审核退办').click();
    const dialog = page.getByRole('dialog');
    await visible(dialog.getByText(/退办理由：/));
    await choose(page, dialog.getByLabel('改交主办单位'), '高平市城市管理局');
    await shot(page, 'pages-02-return-decision');
    await button(dialog, '确定').click();
    await visible(page.getByTestId('state-tag').getByText('已交办待签收'));
    await visible(page.getByRole('row').filter({ hasText: '高平市城市管理局' }).getByText('主办'));
    await visible(page.getByTestId('timeline').getByText('同意退办'));
  });

  it('the lead unit asks for an extension, the organizer grants it, and the new due date shows', async () => {
    const id = await idOf('就近入学');
    const unit = await as('jiaoyu', `/suggestions/${id}`);
    await visible(unit.getByTestId('clock-tag').first());
    await button(unit, '申请延期').click();
    const dialog = unit.getByRole('dialog');
    const hard = await dialog.getByText(/最长不得超过/).innerText();
    expect(hard).toMatch(/\d{4}年\d{1,2}月\d{1,2}日/);
    await dialog.getByLabel('申请延至').click();
    // The last day allowed is the hard deadline; pick a day in the next month of the calendar.
    await unit.locator('.ant-picker-dropdown:visible .ant-picker-header-next-btn').click();
    await unit.locator('.ant-picker-dropdown:visible td.ant-picker-cell-in-view:not(.ant-picker-cell-disabled)').first().click();
    await dialog.getByLabel('延期理由').fill('学校项目预计年底主体封顶，入学安排须待教育部门明年春季招生计划确定后答复。');
    await shot(unit, 'pages-03-extension-request');
    await button(dialog, '提交申请').click();
    await visible(unit.getByText('待审核'));

    const organizer = await as('organizer', '/');
    await visible(organizer.getByTestId('home-suggestions').getByText(/延期待审/));
    await organizer.getByTestId('home-suggestions').getByText(/延期待审/).first().click();
    await button(organizer, '审核').click();
    const decide = organizer.getByRole('dialog');
    await visible(decide.getByText('同意延期'));
    await button(decide, '确定').click();
    await visible(organizer.getByTestId('deadlines').getByText('批准延期至'));
    await visible(organizer.getByText('已批准'));
    await shot(organizer, 'pages-04-extension-granted');
  });

  it('a deputy’s invited co-signer accepts, the deputy submits, the organizer admits it', async () => {
    const like = await as('like', '/suggestions/mine');
    const invitations = like.getByTestId('invitations');
    await visible(invitations.getByText('关于在米山工业园增设职工健身场地的建议'));
    await shot(like, 'pages-05-invitation');
    await invitations.getByRole('button', { name: '同意附议' }).first().click();
    await visible(like.getByText('已回复附议邀请'));

    const gao = await as('gaoyipeng', '/suggestions/mine');
    await gao.getByRole('link', { name: '关于在米山工业园增设职工健身场地的建议' }).click();
    await visible(gao.getByText('李科').first());
    await button(gao, '提交建议').click();
    await gao.locator('.ant-modal-confirm').getByRole('button', { name: label('提交') }).click();
    await visible(gao.getByTestId('state-tag').getByText('待立案'));
    const path = new URL(gao.url()).pathname;

    const organizer = await as('organizer', path);
    await button(organizer, '立案').click();
    await button(organizer.locator('.ant-modal-confirm'), '立案').click();
    await visible(organizer.getByTestId('state-tag').getByText('已立案待交办'));
  });

  it('a deputy drafts a new suggestion and invites a co-signer', async () => {
    const page = await as('duxiaolin', '/');
    await visible(page.getByTestId('home-deputy-suggestions'));
    await page.getByRole('menuitem', { name: '提出建议' }).click();
    await visible(page.getByText('邀请的附议代表会在系统中收到邀请'));
    await choose(page, page.getByLabel('邀请附议代表'), '韩志峰');
    await page.keyboard.press('Escape');
    await page.getByLabel('类别').fill('交通运输');
    await page.keyboard.press('Escape');
    await page.getByLabel('标题').fill('关于在米山工业园增设公交站点的建议');
    await page.getByLabel('内容').fill('米山工业园企业职工上下班乘车不便，建议在园区主干道增设5路公交站点，并在早晚高峰加密班次。');
    await button(page, '保存草稿').click();
    await visible(page.getByTestId('state-tag').getByText('草稿'));
    await visible(page.getByText(/韩志峰 · 待确认/));
    await shot(page, 'pages-06-deputy-draft');
  });

  it('the organizer creates the next session', async () => {
    const page = await as('organizer', '/suggestions/sessions');
    await button(page, '新建届次').click();
    const dialog = page.getByRole('dialog');
    // The demo has a session a year up to today's: a meeting far ahead of them.
    await choose(page, dialog.getByLabel('次会议'), '二十');
    await expect.poll(() => dialog.getByLabel('全称').inputValue()).toBe('高平市第七届人民代表大会第二十次会议');
    await dialog.getByLabel('会期（开幕—闭幕）').click();
    await page.locator('.ant-picker-dropdown:visible td.ant-picker-cell-in-view').nth(2).click();
    await page.locator('.ant-picker-dropdown:visible td.ant-picker-cell-in-view').nth(5).click();
    await button(dialog, '保存').click();
    await visible(page.getByRole('row').filter({ hasText: '七届二十次' }));
    await shot(page, 'pages-07-sessions');
  });

  it('the unit inbox works on a phone', async () => {
    const page = await as('gongxin', '/suggestions/inbox', { phone: true });
    await visible(page.getByText('承办建议').first());
    await visible(page.getByTestId('clock-tag').first());
    await page.screenshot({ path: 'e2e/screenshots/pages-08-inbox-phone.png' });
    const detail = await as('gongxin', '/', { phone: true });
    await visible(detail.getByTestId('home-unit-suggestions'));
    await detail.getByTestId('home-unit-suggestions').getByRole('link').filter({ hasText: /七届.次第\d+号/ }).first().click();
    await visible(detail.getByTestId('steps-compact'));
    await detail.screenshot({ path: 'e2e/screenshots/pages-09-detail-phone.png' });
  });
});
