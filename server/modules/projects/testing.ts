/** Test helpers for the key-projects module: multipart bodies and demo lookups. */
import { randomBytes } from 'node:crypto';
import type { Client, TestEnv } from '../../testing/harness.js';
import { demoSitePhoto } from './demo-png.js';

export interface FilePart {
  field?: string;
  filename: string;
  type: string;
  data: Buffer;
}

/** A multipart/form-data body as a browser would send it. */
export function multipart(fields: Record<string, string>, files: FilePart[] = []) {
  const boundary = `----qunei${randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`, 'utf8'));
  }
  for (const f of files) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${f.field ?? 'photos'}"; filename="${f.filename}"\r\nContent-Type: ${f.type}\r\n\r\n`, 'utf8'));
    parts.push(f.data, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

export function postForm(client: Client, url: string, fields: Record<string, string>, files: FilePart[] = []) {
  const { payload, headers } = multipart(fields, files);
  return client.inject({ method: 'POST', url, payload, headers });
}

export const png = (percent = 50) => demoSitePhoto({ date: '2024-08-22', percent, code: 'TEST' });

export async function projectByName(env: TestEnv, name: string) {
  return env.ctx.db.selectFrom('project').selectAll().where('name', '=', name).executeTakeFirstOrThrow();
}

export async function componentByName(env: TestEnv, projectId: string, name: string) {
  return env.ctx.db.selectFrom('project_component').selectAll().where('project_id', '=', projectId).where('name', '=', name).executeTakeFirstOrThrow();
}
