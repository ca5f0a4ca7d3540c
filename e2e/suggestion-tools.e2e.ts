import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, loginAs, newContext, shot, startServer, visible, type E2EServer } from './support/env.js';
import { browserSuite } from './support/suite.js';

/** Search, statistics, import and publication review, as the organizer and a unit would use them. */
browserSuite('suggestion tools: search, statistics, import/export, publication', () => {
  let server: E2EServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await browser?.close();
    await server?.stop();
  });

  async function as(username: string, url: string): Promise<Page> {
    const ctx = await newContext(browser, server.url);
    contexts.push(ctx);
    const page = await ctx.newPage();
    await loginAs(page, username);
    await page.goto(url);
    return page;
  }

  it('the organizer searches: a two-character word finds suggestions and reply text, marked', async () => {
    const page = await as('organizer', '/suggestions/search');
    await page.getByTestId('search-input').locator('input').fill('公交');
    await page.getByTestId('search-input').locator('input').press('Enter');
    await visible(page.getByTestId('search-item'));
    await visible(page.locator('mark.hit-mark', { hasText: '公交' }));
    expect(await page.getByTestId('search-item').count()).toBeGreaterThanOrEqual(2);
    await shot(page, 'tools-01-search');
    await page.getByRole('tab', { name: '查找相似建议' }).click();
    // 往届: a text about the bus lines finds nothing of the current session (七届七次 holds No. 203 on them) …
    await page.getByLabel('建议标题').fill('关于增开开发区夜班公交的建议');
    await page.getByLabel(/建议内容/).fill('开发区职工下班晚，公交线路末班车太早，建议增开夜班公交、加密班次。');
    await page.getByRole('button', { name: '查找相似建议' }).click();
    await visible(page.getByText('共找到 0 件相似的往届建议'));
    // … and one about the zone's public services finds No. 187 of the session before.
    await page.getByLabel('建议标题').fill('关于完善开发区公共配套服务的建议');
    await page.getByLabel(/建议内容/).fill('开发区公共配套服务不足，职工餐厅、公交线路和子女入学问题突出，建议优化营商环境，完善公共配套。');
    await page.getByRole('button', { name: '查找相似建议' }).click();
    await visible(page.getByTestId('similar-item'));
    expect(await page.getByTestId('similar-item').first().innerText()).toContain('七届六次');
    expect(await page.getByTestId('similar-item').filter({ hasText: '七届七次' }).count()).toBe(0);
    await shot(page, 'tools-02-similar');
  });

  it('the organizer sees the statistics with charts and a unit sees its own line', async () => {
    const page = await as('organizer', '/suggestions/stats');
    await visible(page.getByTestId('chart-unit-rates').locator('canvas'));
    await visible(page.getByTestId('stats-units').getByText('高平市工业和信息化局'));
    await visible(page.getByText('合计'));
    await shot(page, 'tools-03-stats-organizer');
    const download = page.waitForEvent('download');
    await page.getByTestId('stats-export').click();
    expect((await download).suggestedFilename()).toMatch(/^建议办理统计_.*\.xlsx$/);
    const unit = await as('gongxin', '/suggestions/stats');
    await visible(unit.getByTestId('stats-units').getByText('高平市工业和信息化局'));
    expect(await unit.getByText('高平市教育局').count()).toBe(0);
    await shot(unit, 'tools-04-stats-unit');
  });

  it('the organizer imports a file: a bad row is reported and nothing is imported; fixed, it imports', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qunei-import-'));
    const write = async (rows: unknown[][], name: string) => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('建议');
      rows.forEach((r) => ws.addRow(r));
      const file = path.join(dir, name);
      await wb.xlsx.writeFile(file);
      return file;
    };
    const header = ['编号', '标题', '领衔代表', '附议代表', '类别', '内容'];
    const good = [901, '关于在米山工业园增设公交站点的建议', '郜义鹏', '李科、杜小林', '交通运输', '米山工业园公交站点距离厂区较远，职工步行时间长，建议增设站点。'];
    const bad = await write([header, good, [902, '关于园区路灯的建议', '不存在的代表', '', '城乡建设', '园区部分道路没有路灯，夜间通行不便。']], 'bad.xlsx');
    const fixed = await write([header, good, [902, '关于园区路灯的建议', '李科', '', '城乡建设', '园区部分道路没有路灯，夜间通行不便。']], 'good.xlsx');

    const page = await as('organizer', '/suggestions/import');
    await page.getByTestId('import-session').click();
    await page.locator('.ant-select-item-option').first().click();
    await page.locator('input[type=file]').setInputFiles(bad);
    await page.getByTestId('import-check').click();
    await visible(page.getByTestId('row-error'), 30_000);
    await visible(page.getByText('第 3 行：领衔代表“不存在的代表”不在人大代表名单中'));
    expect(await page.getByTestId('import-confirm').count()).toBe(0);
    await shot(page, 'tools-05-import-report');

    await page.locator('input[type=file]').setInputFiles(fixed);
    await page.getByTestId('import-check').click();
    await visible(page.getByText(/检查通过：共 2 件/));
    await page.getByTestId('import-confirm').click();
    await visible(page.getByText(/已导入 2 件建议/).first());
    await shot(page, 'tools-06-import-done');

    const download = page.waitForEvent('download');
    await page.getByTestId('export-button').click();
    expect((await download).suggestedFilename()).toMatch(/^建议清单_.*\.xlsx$/);
  });

  // No. 187's reply is public since 2024-09-05 in the demo: No. 98's first reply is still to be published.
  it('the organizer reviews the redaction of No. 98 and publishes it; a visitor reads it', async () => {
    const page = await as('organizer', '/suggestions/publication');
    await visible(page.getByTestId('publication-table'));
    await shot(page, 'tools-07-publication-list');
    await page.getByText('关于加强园区企业用工服务保障的建议').first().click();
    await visible(page.getByTestId('redacted-preview'));
    await visible(page.getByText('单位办公电话'));
    // Hide a phrase by hand, see it in the findings, then review and publish.
    await page.getByTestId('phrase-input').fill('数控、焊接');
    await page.getByRole('button', { name: /^隐\s*去$/ }).click();
    await visible(page.getByTestId('findings-table').getByText('数控、焊接'));
    await visible(page.getByTestId('redacted-preview').getByText(/组织一期［已隐去］等工种/));
    await shot(page, 'tools-08-publication-review');
    await page.getByTestId('mark-reviewed').click();
    await visible(page.getByTestId('publication-state').getByText('已审核待公开'));
    await page.getByTestId('publish').click();
    await page.locator('.ant-modal-confirm').getByRole('button', { name: '确认公开' }).click();
    await visible(page.getByTestId('publication-state').getByText('已公开'));
    await shot(page, 'tools-09-published');
    const replyId = page.url().split('/').pop()!;

    const ctx = await newContext(browser, server.url, { phone: true });
    contexts.push(ctx);
    const visitor = await ctx.newPage();
    const res = await visitor.goto(`/api/public/replies/${replyId}`);
    expect(res?.status()).toBe(200);
    const body = await visitor.locator('body').innerText();
    expect(body).toContain('用工信息专栏');
    expect(body).not.toContain('数控、焊接');
    expect(body).not.toMatch(/(?<!\d)1[3-9]\d{9}(?!\d)/);
  });
});
