import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, loginAs, newContext, shot, startServer, visible, type E2EServer } from './support/env.js';
import { browserSuite } from './support/suite.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SEED = path.join(root, 'domain/text/fixtures/replies/seed-187.txt');

async function documentXml(file: string): Promise<string> {
  return (await JSZip.loadAsync(fs.readFileSync(file))).file('word/document.xml')!.async('string');
}

/** Clicks and returns the download it starts, saved to a temporary file. */
async function downloadOf(page: Page, click: () => Promise<void>) {
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), click()]);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'qunei-dl-')), dl.suggestedFilename());
  await dl.saveAs(file);
  return { name: dl.suggestedFilename(), file };
}

browserSuite('documents: import a reply, download it, number registry, format check', () => {
  let server: E2EServer;
  let browser: Browser;
  let downloaded = '';
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('the organizer imports the seed reply: checks the fields read from it, corrects the number, confirms, downloads the .docx', async () => {
    const ctx = await newContext(browser, server.url);
    const page = await ctx.newPage();
    await loginAs(page, 'organizer');
    await page.getByRole('menuitem', { name: '导入答复' }).click();
    await page.locator('[data-testid="import-upload"] input[type=file]').setInputFiles(SEED);
    await visible(page.getByTestId('import-point'));
    // What the parser read, in the form for a person to check.
    expect(await page.getByLabel('发文字号').inputValue()).toBe('高工信发〔2024〕37号');
    expect(await page.getByLabel('届次').inputValue()).toBe('七届六次');
    expect(await page.getByRole('spinbutton').first().inputValue()).toBe('187');
    expect(await page.getByLabel('建议标题').inputValue()).toBe('关于提升开发区公共配套服务，优化营商环境的建议');
    expect(await page.getByTestId('import-point').count()).toBe(6);
    await visible(page.getByTestId('import-title').getByText('关于市人大七届六次会议第187号建议的答复'));
    await visible(page.getByTestId('import-text').getByText('米山镇米西村', { exact: false }));
    for (const name of ['郜义鹏', '李科', '杜小林', '韩志峰', '万建勤']) await visible(page.locator('.ant-select-selection-item', { hasText: name }));
    await shot(page, 'documents-import-form');
    await page.screenshot({ path: path.join(root, 'e2e/screenshots/documents-import-form-top.png') });

    // The demo already holds No. 187 (高工信发〔2024〕37号): the page says so; the person brings it in as another number.
    const duplicate = await page.getByTestId('import-warnings').isVisible();
    if (duplicate) await visible(page.getByTestId('import-warnings').getByText('不能重复导入', { exact: false }));
    await page.getByRole('spinbutton').first().fill('1187');
    await page.getByLabel('发文字号').fill('高工信发〔2024〕137号');
    await visible(page.getByTestId('import-title').getByText('关于市人大七届六次会议第1187号建议的答复'));
    await page.getByTestId('import-confirm').click();
    await visible(page.getByTestId('import-result'));
    await visible(page.getByText('高工信发〔2024〕137号（已登记）'));
    await visible(page.getByTestId('reply-doc-number').getByText('高工信发〔2024〕137号'));
    await shot(page, 'documents-import-result');

    const joint = await downloadOf(page, () => page.getByTestId('download-docx').getByRole('button').first().click());
    expect(joint.name).toMatch(/^高工信发〔2024〕137号/);
    if (joint.name.endsWith('.zip')) {
      const zip = await JSZip.loadAsync(fs.readFileSync(joint.file));
      expect(Object.keys(zip.files)).toHaveLength(5);
    }
    // One joint .docx through the menu.
    await page.getByTestId('download-docx-more').click();
    const one = await downloadOf(page, () => page.getByRole('menuitem', { name: '联合答复（一份 .docx）' }).click());
    expect(one.name).toBe('高工信发〔2024〕137号.docx');
    const xml = await documentXml(one.file);
    expect(xml).toContain('关于市人大七届六次会议第1187号建议的答复');
    expect(xml).toContain('尊敬的郜义鹏、李科、杜小林、韩志峰、万建勤代表：');
    expect(xml).toContain('方正小标宋简体');
    downloaded = one.file;

    // Another reply that came without a number: after import the unit's next number is taken for it (取号).
    await page.getByRole('button', { name: '继续导入' }).click();
    await page.locator('[data-testid="import-upload"] input[type=file]').setInputFiles(SEED);
    await visible(page.getByTestId('import-point'));
    await page.getByRole('spinbutton').first().fill('1188');
    await page.getByLabel('发文字号').fill('');
    await page.getByTestId('import-confirm').click();
    await visible(page.getByTestId('import-result'));
    await visible(page.getByTestId('reply-doc-number').getByText('未取号'));
    await page.getByTestId('take-number').click();
    await page.getByRole('dialog', { name: '为答复取号' }).getByRole('button', { name: '确认取号' }).click();
    await visible(page.getByTestId('reply-doc-number').getByText(/^高工信发〔2024〕\d+号$/));
    await shot(page, 'documents-take-number');
    await ctx.close();
  });

  it('a web reply with a damaged signature date: the guessed fields are marked with their reasons and must be checked', async () => {
    const ctx = await newContext(browser, server.url);
    const page = await ctx.newPage();
    await loginAs(page, 'organizer');
    await page.getByRole('menuitem', { name: '导入答复' }).click();
    await page.locator('[data-testid="import-upload"] input[type=file]').setInputFiles(path.join(root, 'domain/text/fixtures/replies/40-organ-in-signature-web-pubdate.txt'));
    await visible(page.getByTestId('import-point'));
    await visible(page.getByText('待核对：落款日期“2023年12月20”缺少“日”，按2023年12月20日推定，请核对'));
    await visible(page.getByText('未找到答复类别（如 A类、B类）').first());
    await page.getByTestId('import-confirm').click();
    await visible(page.getByText('请先核对标黄的字段，改正或确认无误后勾选'));
    await shot(page, 'documents-import-unsure');
    await page.screenshot({ path: path.join(root, 'e2e/screenshots/documents-import-unsure-top.png') });
    await ctx.close();
  });

  it('unit staff take a number in the registry, see it listed, and void it with a reason', async () => {
    const ctx = await newContext(browser, server.url);
    const page = await ctx.newPage();
    await loginAs(page, 'gongxin');
    await page.getByRole('menuitem', { name: '发文字号' }).click();
    const next = (await page.getByTestId('next-number').textContent())!.trim();
    expect(next).toMatch(/^高工信发〔\d{4}〕\d+号$/);
    await page.getByTestId('allocate').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('文件标题').fill('关于开展园区企业走访活动的通知');
    await dialog.getByRole('button', { name: /确\s*定/ }).click();
    const success = page.locator('.ant-modal-confirm');
    await visible(success.getByText(next));
    await success.getByRole('button').click();
    const row = page.locator('tr', { hasText: '关于开展园区企业走访活动的通知' });
    await visible(row);
    await shot(page, 'documents-numbers');
    await row.getByText('作废').click();
    await page.getByRole('dialog').getByLabel('作废原因').fill('标题有误，重新取号');
    await page.getByRole('dialog').getByRole('button', { name: /作\s*废/ }).click();
    await visible(page.locator('tr', { hasText: '作废原因：标题有误，重新取号' }));
    // Last year's register holds the imported reply's number; its document is one click away.
    await page.getByRole('combobox', { name: '年份' }).click();
    await page.locator('.ant-select-item-option', { hasText: '2024年' }).click();
    const imported = page.locator('tr', { hasText: '高工信发〔2024〕137号' });
    await visible(imported.getByText('手工登记'));
    await imported.getByText('答复件').click();
    const drawer = page.getByRole('dialog', { name: '答复件' });
    await visible(drawer.getByTestId('reply-doc-number').getByText('高工信发〔2024〕137号'));
    await shot(page, 'documents-numbers-reply');
    const copy = await downloadOf(page, () => drawer.getByTestId('download-docx').getByRole('button').first().click());
    expect(copy.name).toMatch(/^高工信发〔2024〕137号/);
    await ctx.close();
  });

  it('the format checker passes the downloaded reply and lists the departures of a plain document', async () => {
    const ctx = await newContext(browser, server.url);
    const page = await ctx.newPage();
    await loginAs(page, 'gongxin');
    await page.getByRole('menuitem', { name: '格式检查' }).click();
    await page.locator('[data-testid="check-upload"] input[type=file]').setInputFiles(downloaded);
    await visible(page.getByText('未发现不符合 GB/T 9704 的地方'));
    await shot(page, 'documents-check-ok');
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>');
    zip.file('word/document.xml', '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>高工信发[2024]037号</w:t></w:r></w:p><w:p><w:r><w:t>关于第187号建议的答复</w:t></w:r></w:p><w:p><w:r><w:t>尊敬的郜义鹏代表：</w:t></w:r></w:p><w:p><w:r><w:t>二〇二四年八月二十二日</w:t></w:r></w:p><w:sectPr><w:pgSz w:w="12240" w:h="15840"/><w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440"/></w:sectPr></w:body></w:document>');
    const plain = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'qunei-plain-')), '随手写的答复.docx');
    fs.writeFileSync(plain, await zip.generateAsync({ type: 'nodebuffer' }));
    await page.locator('[data-testid="check-upload"] input[type=file]').setInputFiles(plain);
    await visible(page.getByTestId('check-issues'));
    await visible(page.getByTestId('check-issues').getByText('高工信发〔2024〕37号', { exact: false }));
    await shot(page, 'documents-check-issues');
    await ctx.close();
  });
});
