import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { findPersonalData } from '../domain/text/redact.js';
import { launchBrowser, newContext, shot, startServer, visible, type E2EServer } from './support/env.js';
import { browserSuite } from './support/suite.js';

browserSuite('public portal on a phone, without login', () => {
  let server: E2EServer;
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    const ctx = await newContext(browser, server.url, { phone: true });
    page = await ctx.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const tab = (name: string) => page.getByRole('navigation', { name: '栏目' }).getByRole('link', { name, exact: true }).click();

  const noPrivateNumbers = async () => {
    const text = await page.locator('body').innerText();
    const found = findPersonalData(text, { keepNumbers: ['5241566'] });
    expect(found.map((f) => f.original)).toEqual([]);
  };

  it('the home page shows route 5 with its next departures and the projects', async () => {
    await page.goto('/public');
    await visible(page.getByText('区内事、区内办'));
    const bus = page.getByTestId('bus-5路');
    await visible(bus);
    const busText = await bus.innerText();
    expect(busText).toContain('首班 06:30');
    expect(busText).toContain('末班 20:00');
    expect(busText).toMatch(/下一班：|今日已停运|首班/);
    await visible(page.getByText('高平市第十中学', { exact: false }));
    await shot(page, 'portal-home-phone');
    await noPrivateNumbers();
  });

  it('a visitor reads the school progress building by building', async () => {
    await tab('项目');
    await page.getByRole('link', { name: /高平市第十中学/ }).first().click();
    const components = page.getByTestId('components');
    await visible(components);
    const text = await components.innerText();
    for (const building of ['风雨操场', '宿舍楼', '教学楼', '综合楼']) expect(text).toContain(building);
    await visible(page.getByText('主体封顶', { exact: false }));
    // Widths are phone-sized: nothing overflows the viewport horizontally.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    await shot(page, 'portal-school-phone');
    await noPrivateNumbers();
  });

  it('the park-life page lists the canteen and the full timetable of route 5', async () => {
    await tab('生活');
    await visible(page.getByText('职工餐厅', { exact: false }));
    await visible(page.getByTestId('bus-5路'));
    await shot(page, 'portal-life-phone');
    await noPrivateNumbers();
  });

  it('the promise ledger and the published replies open, and show no private phone numbers', async () => {
    await tab('承诺');
    await visible(page.getByRole('heading', { name: '承诺落实台账' }));
    await visible(page.getByText(/共 \d+ 项/));
    await shot(page, 'portal-promises-phone');
    await noPrivateNumbers();
    await tab('答复');
    await visible(page.getByRole('heading', { name: '建议答复公开' }));
    // The demo publishes replies (No. 45 at least): the list is never empty, and the first one opens.
    const first = page.locator('.cards .card a').first();
    await visible(first);
    await first.click();
    await visible(page.locator('.doc-title'));
    await shot(page, 'portal-reply-phone');
    await noPrivateNumbers();
  });

  it('an unknown public page says so in Chinese', async () => {
    await page.goto('/public/nothing-here');
    await visible(page.getByText('页面不存在'));
  });
});
