import { describe } from 'vitest';
import { browserAvailable, CHROMIUM } from './env.js';

/**
 * A browser test suite. Without Chromium it is skipped with a clear message on a developer's machine,
 * and fails in CI (CI=true), where a missing browser must never pass silently.
 */
export function browserSuite(name: string, fn: () => void) {
  if (browserAvailable()) return describe(name, fn);
  if (process.env.CI) {
    return describe(name, () => {
      throw new Error(`CI 需要浏览器，但未找到 ${CHROMIUM}（apt-get install -y chromium fonts-noto-cjk）`);
    });
  }
  console.warn(`[跳过] 浏览器测试“${name}”：未找到 ${CHROMIUM}`);
  return describe.skip(name, fn);
}
