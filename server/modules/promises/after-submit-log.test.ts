import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { createTestEnv, type TestEnv } from '../../testing/harness.js';
import { onReplySubmitted } from './promises.service.js';

describe('work after a reply is submitted never fails silently', () => {
  let env: TestEnv;
  beforeAll(async () => { env = await createTestEnv(); });
  afterAll(async () => { await env.close(); });

  it('logs a failed promise proposal with the reply id, and does not throw', async () => {
    const lines: Array<Record<string, unknown>> = [];
    const logger = pino({ level: 'info' }, { write: (s: string) => { lines.push(JSON.parse(s)); } });
    await expect(onReplySubmitted({ ...env.ctx, logger }, 'no-such-reply', null)).resolves.toBeUndefined();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 40, replyId: 'no-such-reply', msg: expect.stringContaining('daily job will retry') });
    expect(lines[0].err).toBeTruthy();
  });
});
