/**
 * Gzipped JavaScript a phone downloads for the first public page (/public): the entry script of
 * dist/web/portal.html and every chunk it imports statically (modulepreload), measured from the build.
 */
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export function firstPublicPageJs(distDir = 'dist/web') {
  const html = fs.readFileSync(path.join(distDir, 'portal.html'), 'utf8');
  const queue = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1]);
  const seen = new Set<string>();
  let raw = 0;
  let gz = 0;
  while (queue.length) {
    const url = queue.shift()!;
    if (seen.has(url)) continue;
    seen.add(url);
    const code = fs.readFileSync(path.join(distDir, url));
    raw += code.length;
    gz += gzipSync(code, { level: 9 }).length;
    // Static imports only: `import … from "./x.js"` and bare `import "./x.js"`; dynamic import() loads later.
    for (const m of code.toString('utf8').matchAll(/(?:^|[;\s}])import\s*(?:[^'"()]*?from\s*)?["'](\.\/[^"']+\.js)["']/g)) {
      queue.push(path.posix.join(path.posix.dirname(url), m[1]));
    }
  }
  return { files: [...seen], rawBytes: raw, gzipBytes: gz };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (!fs.existsSync('dist/web/portal.html')) {
    console.error('请先构建前端：npx vite build');
    process.exit(2);
  }
  const r = firstPublicPageJs();
  console.log(`公众门户首页 JavaScript：${r.files.length} 个文件，原始 ${(r.rawBytes / 1024).toFixed(1)} KB，gzip ${(r.gzipBytes / 1024).toFixed(1)} KB（目标 ≤ 200 KB）`);
}
