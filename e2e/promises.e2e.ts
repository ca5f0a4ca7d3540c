/**
 * A promise followed from the reply to the deputy's delivery rating, through the web pages as people would:
 * 工信局 finds the proposals waiting on its home page, opens the reply's promises and confirms one it made itself
 * (「我们将建立多部门协作联动机制……」, read from No. 187's reply), reports progress with a photo, marks it done;
 * 郜义鹏 is told, opens 「落实评价」 and rates it. Along the way the ledger's views and the export are used.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it as vitestIt } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { launchBrowser, loginAs, logout, newContext, shot, startServer, visible, type E2EServer } from './support/env.js';
import { browserSuite } from './support/suite.js';

const PROMISE_WORDS = '我们将建立多部门协作联动机制';
/** antd puts a space between the two characters of a two-character button label. */
const label = (text: string) => new RegExp(`^\\s*${[...text].map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s*')}\\s*$`);
const button = (scope: Page | Locator, text: string) => scope.getByRole('button', { name: label(text) });
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082', 'hex');

browserSuite('promises: from the reply to the deputy\'s delivery rating', () => {
  let broken: string | null = null;
  const it = (name: string, fn: () => Promise<void>) =>
    vitestIt(name, async (ctx) => {
      if (broken) ctx.skip(`前一步失败：${broken}`);
      try { await fn(); } catch (e) {
        broken = name;
        await shot(page, 'promises-failure').catch(() => undefined);
        throw e;
      }
    });
  let server: E2EServer;
  let browser: Browser;
  let ctx: BrowserContext;
  let page: Page;
  let promiseUrl = '';
  const photo = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'qunei-promise-')), '联动机制会议纪要.png');

  beforeAll(async () => {
    fs.writeFileSync(photo, PNG);
    server = await startServer();
    browser = await launchBrowser();
    ctx = await newContext(browser, server.url);
    page = await ctx.newPage();
  });
  afterAll(async () => {
    await ctx?.close();
    await browser?.close();
    await server?.stop();
  });

  it('工信局 sees proposals to confirm on its home page and opens the reply\'s promises', async () => {
    await loginAs(page, 'gongxin');
    const card = page.getByTestId('home-unit-promises');
    await visible(card);
    await visible(card.getByText('待确认'));
    await shot(page, 'promises-home-unit');
    await card.getByRole('link', { name: /待确认/ }).click();
    await page.waitForURL(/\/promises\?review=proposed/);
    const row = page.getByTestId('ledger-row-link').filter({ hasText: PROMISE_WORDS });
    await visible(row);
    await row.click();
    const drawer = page.locator('.ant-drawer');
    await visible(drawer.getByTestId('promise-text'));
    await drawer.getByTestId('reply-promises-link').click();
    await page.waitForURL(/\/promises\/reply\//);
    await visible(page.getByTestId('proposal').first());
    const proposal = page.getByTestId('proposal').filter({ hasText: PROMISE_WORDS });
    await visible(proposal.getByTestId('source-words'));
    await visible(proposal.getByText('无明确时限'));
    await shot(page, 'promises-reply-proposals');
  });

  it('工信局 confirms the proposal with a date; it moves to the confirmed promises', async () => {
    const proposal = page.getByTestId('proposal').filter({ hasText: PROMISE_WORDS });
    await button(proposal, '修改后确认').click();
    const dialog = page.getByRole('dialog', { name: '确认承诺' });
    await visible(dialog);
    await dialog.getByLabel('承诺内容').fill('建立与民政局、公安局的多部门协作联动机制，为新入驻人员提供户籍服务');
    const due = dialog.getByLabel('完成时限');
    await due.click();
    await due.fill(new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10));
    await due.press('Enter');
    await button(dialog, '确认').click();
    await visible(page.getByText('已确认该承诺'));
    const confirmed = page.getByTestId('confirmed-promise').filter({ hasText: '多部门协作联动机制' });
    await visible(confirmed);
    expect(await page.getByTestId('proposal').filter({ hasText: PROMISE_WORDS }).count()).toBe(0);
    await shot(page, 'promises-reply-confirmed');
  });

  it('the owner reports progress with a photo, then marks it done; the history shows each change', async () => {
    const confirmed = page.getByTestId('confirmed-promise').filter({ hasText: '多部门协作联动机制' });
    await confirmed.getByText('详情', { exact: true }).click();
    const drawer = page.locator('.ant-drawer');
    await visible(drawer.getByTestId('promise-detail'));

    await button(drawer, '更新进度').click();
    let dialog = page.getByRole('dialog', { name: '更新进度' });
    await dialog.getByRole('spinbutton').fill('60');
    await dialog.getByLabel('进展说明').fill('已与民政局、公安局召开联席会议，明确户籍业务对接人');
    await button(dialog, '保存').click();
    await visible(page.getByText('进度已更新'));
    await visible(drawer.getByTestId('promise-status').getByText('推进中'));

    await button(drawer, '上传佐证').click();
    dialog = page.getByRole('dialog', { name: '上传佐证材料' });
    await dialog.getByLabel('说明', { exact: true }).fill('联席会议纪要及现场照片');
    await dialog.locator('input[type=file]').setInputFiles(photo);
    await visible(dialog.getByText('联动机制会议纪要.png'));
    await button(dialog, '上传').click();
    await visible(page.getByText('佐证材料已上传'));
    await visible(drawer.getByTestId('promise-evidence').getByRole('link', { name: '联动机制会议纪要.png' }));

    await button(drawer, '更新状态').click();
    dialog = page.getByRole('dialog', { name: '更新状态' });
    await dialog.getByText('已完成', { exact: true }).click();
    await dialog.getByLabel('说明', { exact: true }).fill('协作联动机制已建立，户籍业务在开发区政务服务中心可办');
    await visible(dialog.getByText('保存后将通知提出建议的代表评价落实情况。'));
    await button(dialog, '保存').click();
    await visible(page.getByText('状态已更新'));
    await visible(drawer.getByTestId('promise-status').getByText('已完成'));
    const history = drawer.getByTestId('promise-history');
    await visible(history.getByText('更新状态'));
    await visible(history.getByText('进度：0% →'));
    promiseUrl = `/promises/${await drawer.getByTestId('promise-detail').getAttribute('data-promise-id')}`;
    await shot(page, 'promises-detail-done');
  });

  it('the ledger: views by unit and status, overdue and due-soon filters, and the export', async () => {
    await page.goto('/promises');
    await visible(page.getByTestId('ledger-row').first());
    await shot(page, 'promises-ledger');
    await page.getByText('按单位', { exact: true }).click();
    const summary = page.getByTestId('ledger-summary');
    await visible(summary.getByText('高平市工业和信息化局'));
    await shot(page, 'promises-ledger-by-unit');
    await page.getByText('按状态', { exact: true }).click();
    await visible(summary.getByText('已完成'));
    await page.getByText('明细', { exact: true }).click();
    await visible(page.getByTestId('ledger-row').first());
    await page.getByTestId('quick-overdue').click();
    await page.waitForURL(/overdue=1/);
    // What the filter lists is what the ledger counts as overdue (derived from the sources on the day).
    const overdue = await page.evaluate(async () => (await (await fetch('/api/promises?overdue=1')).json()).counts.overdue as number);
    if (overdue > 0) {
      await visible(page.getByTestId('promise-clock').first());
      for (const r of await page.getByTestId('ledger-row').all()) expect(await r.getAttribute('data-overdue')).toBe('1');
    } else {
      await visible(page.getByText('没有符合条件的承诺'));
    }
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('ledger-export').click()]);
    expect(download.suggestedFilename()).toMatch(/^承诺台账_\d{4}-\d{2}-\d{2}\.xlsx$/);
    const file = await download.path();
    expect(fs.statSync(file!).size).toBeGreaterThan(4000);
    expect(fs.readFileSync(file!).subarray(0, 2).toString()).toBe('PK');
    await logout(page);
  });

  it('郜义鹏 is told, opens 落实评价 and rates the promise; it leaves his list', async () => {
    await loginAs(page, 'gaoyipeng');
    await page.goto('/notifications');
    await visible(page.getByText(/请评价承诺落实情况/).first());
    await page.goto('/');
    const card = page.getByTestId('home-deputy-promises');
    await visible(card);
    await visible(card.getByText('待评价'));
    await shot(page, 'promises-home-deputy');
    await card.getByRole('link', { name: '去评价' }).click();
    await page.waitForURL(/\/promises\/rate/);
    const item = page.getByTestId('to-rate-item').filter({ hasText: '多部门协作联动机制' });
    await visible(item);
    await shot(page, 'promises-rate-list');
    await item.getByText('部分兑现', { exact: true }).click();
    await item.getByLabel('意见').fill('机制已建立，但户籍窗口每周只开放两天，希望增加到工作日全天。');
    await button(item, '提交评价').click();
    await visible(page.getByText('评价已提交，谢谢！'));
    await visible(page.getByText('没有待评价的承诺').or(page.getByTestId('to-rate-item').first()));
    expect(await page.getByTestId('to-rate-item').filter({ hasText: '多部门协作联动机制' }).count()).toBe(0);
    await page.getByText('全部已到期').click();
    const rated = page.getByTestId('to-rate-item').filter({ hasText: '多部门协作联动机制' });
    await visible(rated.getByText('部分兑现'));
    await shot(page, 'promises-rated');
  });

  it('the unit sees the rating beside the reply satisfaction on the promise', async () => {
    expect(promiseUrl).toMatch(/^\/promises\/.+/);
    await page.goto(promiseUrl);
    const ratings = page.getByTestId('promise-ratings');
    await visible(ratings.getByText('郜义鹏'));
    await visible(ratings.getByText('部分兑现'));
    await visible(page.getByText('答复满意'));
    await shot(page, 'promises-detail-rated');
  });

  it('on a phone the deputy\'s list and the ledger read well', async () => {
    const phone = await newContext(browser, server.url, { phone: true });
    const p = await phone.newPage();
    await loginAs(p, 'like');
    await p.goto('/promises/rate');
    await visible(p.getByTestId('to-rate-item').first(), 30_000);
    await shot(p, 'promises-phone-rate');
    await p.goto('/promises');
    await visible(p.getByTestId('ledger-row').first(), 30_000);
    await shot(p, 'promises-phone-ledger');
    await phone.close();
  });

  it('one fact: the school\'s promise page and its project\'s 相关承诺 show the same progress, from the 主体封顶 milestone', async () => {
    const zoneCtx = await newContext(browser, server.url);
    const z = await zoneCtx.newPage();
    await loginAs(z, 'zone');
    await z.goto('/promises?q=主体封顶');
    await z.getByTestId('ledger-row-link').filter({ hasText: '主体封顶' }).first().click();
    const id = await z.getByTestId('promise-detail').getAttribute('data-promise-id');
    await z.goto(`/promises/${id}`);
    const source = z.getByTestId('promise-source');
    await visible(source);
    expect(await source.textContent()).toContain('主体封顶');
    const onPromise = await z.getByTestId('promise-progress').getAttribute('data-progress');
    await shot(z, 'promises-linked-school');
    await source.getByRole('link', { name: /高平市第十中学建设项目/ }).click();
    await z.waitForURL(/\/projects\/[^/?]+$/);
    const row = z.getByTestId('project-promise-row').filter({ hasText: '主体封顶' });
    await visible(row);
    await row.scrollIntoViewIfNeeded();
    expect(await row.getByTestId('project-promise-progress').getAttribute('data-progress')).toBe(onPromise);
    await shot(z, 'projects-related-promises');
    await zoneCtx.close();
  });
});
