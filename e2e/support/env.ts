import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import net from 'node:net';
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CHROMIUM = process.env.QUNEI_CHROMIUM ?? '/usr/bin/chromium';
export const browserAvailable = () => fs.existsSync(CHROMIUM);

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

export interface E2EServer {
  url: string;
  dataDir: string;
  stop(): Promise<void>;
}

/** Starts the real server (demo mode, fresh SQLite file) as a newcomer would, and waits until it answers. */
export async function startServer(extraEnv: Record<string, string> = {}): Promise<E2EServer> {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qunei-e2e-'));
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'server/main.ts')], {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', QUNEI_DATA_DIR: dataDir, QUNEI_MODE: 'demo', LOG_LEVEL: 'warn', QUNEI_SCRYPT_N: '1024', QUNEI_RATE_LIMIT_PER_MIN: '6000', DATABASE_URL: '', ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => { output += d; });
  child.stderr!.on('data', (d) => { output += d; });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited: ${output}`);
    try {
      const r = await fetch(`${url}/api/health`);
      if (r.ok) break;
    } catch { /* not up yet */ }
    if (Date.now() > deadline) { child.kill(); throw new Error(`server did not start: ${output}`); }
    await new Promise((r) => setTimeout(r, 300));
  }
  return {
    url,
    dataDir,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => { if (child.exitCode !== null) r(null); else child.once('exit', r); setTimeout(r, 5000); });
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
export async function visible(locator: import('playwright-core').Locator, timeout = 15_000) {
  await locator.first().waitFor({ state: 'visible', timeout });
}
