/**
 * A parse worker: runs one exported function of a module for the main thread and posts back its result, or
 * the AppError it threw (status, code, message), so heavy parsing never blocks the server's event loop.
 */
import { parentPort } from 'node:worker_threads';
import { AppError } from '../errors.js';

interface Task {
  id: number;
  module: string;
  fn: string;
  args: unknown[];
}

parentPort!.on('message', async (t: Task) => {
  try {
    const mod = (await import(t.module)) as Record<string, (...a: unknown[]) => unknown>;
    // Buffers arrive as plain Uint8Arrays; the parsers read them as Buffers.
    const args = t.args.map((a) => (a instanceof Uint8Array ? Buffer.from(a.buffer, a.byteOffset, a.byteLength) : a));
    const value = await mod[t.fn](...args);
    parentPort!.postMessage({ id: t.id, ok: true, value });
  } catch (e) {
    const error = e instanceof AppError
      ? { status: e.status, code: e.code, message: e.message, details: e.details }
      : { message: e instanceof Error ? e.message : String(e) };
    parentPort!.postMessage({ id: t.id, ok: false, error });
  }
});
