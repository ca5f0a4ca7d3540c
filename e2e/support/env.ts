import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnServer } from '../../server/testing/server-process.js';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CHROMIUM = process.env.QUNEI_CHROMIUM ?? '/usr/bin/chromium';
export const browserAvailable = () => fs.existsSync(CHROMIUM);

export interface E2EServer {
  url: string;
  dataDir: string;
  stop(): Promise<void>;
}

/** Starts the real server (demo mode, fresh SQLite file) as a newcomer would, and waits until it answers. */
export async function startServer(extraEnv: Record<string, string> = {}): Promise<E2EServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qunei-e2e-'));
  const server = await spawnServer({ dataDir, env: { QUNEI_SCRYPT_N: '1024', QUNEI_RATE_LIMIT_PER_MIN: '6000', ...extraEnv } });
  return {
    url: server.url,
    dataDir,
    async stop() {
      await server.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  // Playwright gives every launch a fresh, empty profile of its own.
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export async function newContext(browser: Browser, url: string, opts: { phone?: boolean } = {}): Promise<BrowserContext> {
  return browser.newContext({
    baseURL: url,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    acceptDownloads: true,
    ...(opts.phone ? { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true } : { viewport: { width: 1366, height: 900 } }),
  });
}

/** Logs in as a first user does: opens the home page, is sent to the login form, and comes back. */
export async function loginAs(page: Page, username: string, password = 'demo123456') {
  await page.goto('/');
  await page.waitForURL(/\/login\?next=/);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.getByTestId('user-menu').waitFor();
}

export async function logout(page: Page) {
  await page.getByTestId('user-menu').hover();
  const item = page.getByText('退出登录');
  await item.waitFor({ state: 'visible' });
  // Cards still loading can shift under the open menu; the click event itself is what the menu handles.
  await item.dispatchEvent('click');
  await page.waitForURL(/\/login/);
}

/** Saves a screenshot under e2e/screenshots (ignored by git) for a person to look at. */
export async function shot(page: Page, name: string) {
  const dir = path.join(root, 'e2e', 'screenshots');
  fs.mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}

/** Waits until the locator is visible (fails the test with the locator's description otherwise). */
export async function visible(locator: import('playwright-core').Locator, timeout = 30_000) {
  await locator.first().waitFor({ state: 'visible', timeout });
}

/**
 * Clicks a dialog's confirming button and waits for the dialog to go. On a loaded machine a click can land
 * while the dialog is still opening and be lost; a button that is still there, enabled and not loading,
 * after a few seconds is clicked once more (a loading button ignores the second click).
 */
export async function confirmDialog(button: import('playwright-core').Locator) {
  for (let i = 0; i < 3; i++) {
    await button.click();
    try {
      await button.waitFor({ state: 'hidden', timeout: 8_000 });
      return;
    } catch { /* still open: lost click or still working */ }
    const loading = await button.evaluate((el) => el.classList.contains('ant-btn-loading')).catch(() => false);
    if (loading) { await button.waitFor({ state: 'hidden', timeout: 60_000 }); return; }
  }
}
