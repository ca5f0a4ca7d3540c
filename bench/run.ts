/** `npm run bench`: every benchmark in turn; each prints what it measured on this machine. */
import fs from 'node:fs';
import os from 'node:os';
import { spawnSync } from 'node:child_process';
import { firstPublicPageJs } from './bundle.js';
import { benchSuggestions } from './suggestions.js';

async function main() {
  console.log(`qunei 基准测试 · ${new Date().toISOString()} · ${os.cpus().length} 核 · Node ${process.version}`);
  const only = process.argv[2];
  if (!only || only === 'bundle') {
    if (!fs.existsSync('dist/web/portal.html')) spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
    const r = firstPublicPageJs();
    console.log(`\n■ 公众门户首页 JavaScript：${r.files.length} 个文件，gzip 后 ${(r.gzipBytes / 1024).toFixed(1)} KB（原始 ${(r.rawBytes / 1024).toFixed(1)} KB），目标 ≤ 200 KB：${r.gzipBytes <= 200 * 1024 ? '达到' : '未达到'}`);
  }
  if (!only || only === 'documents') {
    if (fs.existsSync('bench/documents.ts')) {
      const { benchDocuments } = await import('./documents.js');
      await benchDocuments();
    }
  }
  if (!only || only === 'suggestions') await benchSuggestions();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
