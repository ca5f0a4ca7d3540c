/**
 * A tiny pool of worker threads for parsing uploads (a .docx to text or to a format check, an .xlsx import),
 * so one user's large file never stalls the event loop for the others. Workers start on first use and are
 * kept (unref'd, so they never hold the process open). Each task has a time limit and each worker a heap
 * limit: a file that exceeds either ends that worker only, and the caller gets a Chinese 413.
 */
import { Worker } from 'node:worker_threads';
import { AppError } from '../errors.js';

export const PARSE_WORKERS = 2;
export const PARSE_TIMEOUT_MS = 20_000;
/** Heap of one worker, in MB: ample for the archive limits, small enough to leave the server standing. */
export const PARSE_HEAP_MB = 512;

interface Pending {
  id: number;
  module: string;
  fn: string;
  args: unknown[];
  resolve: (v: unknown) => void;
  reject: (e: unknown) => void;
}

interface Slot {
  worker: Worker;
  busy: Pending | null;
  timer: NodeJS.Timeout | null;
}

const BOOT = new URL('./parse-worker-boot.mjs', import.meta.url);
const slots: Slot[] = [];
const queue: Pending[] = [];
let nextId = 1;

const overloaded = () => new AppError(413, 'file_too_complex', '文件过大或过于复杂，无法在限定时间内处理，请拆分或简化后再上传');

function finish(slot: Slot, ok: boolean, value: unknown) {
  const task = slot.busy;
  if (slot.timer) clearTimeout(slot.timer);
  slot.busy = null;
  slot.timer = null;
  slot.worker.unref();
  if (task) (ok ? task.resolve : task.reject)(value);
  pump();
}

function spawn(): Slot {
  // execArgv is not inherited: the boot file loads tsx itself, whatever the main thread was started with.
  const worker = new Worker(BOOT, { execArgv: [], resourceLimits: { maxOldGenerationSizeMb: PARSE_HEAP_MB } });
  const slot: Slot = { worker, busy: null, timer: null };
  worker.on('message', (m: { id: number; ok: boolean; value?: unknown; error?: { status?: number; code?: string; message: string; details?: unknown } }) => {
    if (!slot.busy || m.id !== slot.busy.id) return;
    if (m.ok) finish(slot, true, m.value);
    else {
      const e = m.error!;
      finish(slot, false, e.status ? new AppError(e.status, e.code ?? 'bad_request', e.message, e.details) : new Error(e.message));
    }
  });
  const drop = (err: unknown) => {
    const i = slots.indexOf(slot);
    if (i >= 0) slots.splice(i, 1);
    const oom = (err as { code?: string } | undefined)?.code === 'ERR_WORKER_OUT_OF_MEMORY';
    if (slot.busy) finish(slot, false, oom || err === 'timeout' ? overloaded() : err instanceof Error ? err : new Error(String(err)));
  };
  worker.on('error', drop);
  worker.on('exit', (code) => drop(code === 0 ? undefined : new Error(`parse worker exited with ${code}`)));
  worker.unref();
  slots.push(slot);
  return slot;
}

function pump() {
  while (queue.length) {
    const slot = slots.find((s) => !s.busy) ?? (slots.length < PARSE_WORKERS ? spawn() : null);
    if (!slot) return;
    const task = queue.shift()!;
    slot.busy = task;
    slot.worker.ref();
    slot.timer = setTimeout(() => {
      const s = slot;
      void s.worker.terminate();
      const i = slots.indexOf(s);
      if (i >= 0) slots.splice(i, 1);
      finish(s, false, overloaded());
    }, PARSE_TIMEOUT_MS);
    slot.worker.postMessage({ id: task.id, module: task.module, fn: task.fn, args: task.args });
  }
}

/**
 * Runs `fn` exported by `module` (a file URL, e.g. `new URL('./x.ts', import.meta.url).href`) in a parse
 * worker with these arguments (structured-cloned) and resolves with its result; an AppError it throws is
 * rethrown here as the same AppError.
 */
export function runInWorker<T>(module: string, fn: string, args: unknown[]): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    queue.push({ id: nextId++, module, fn, args, resolve: resolve as (v: unknown) => void, reject });
    pump();
  });
}

/** Ends the workers (tests and shutdown). */
export async function closeParseWorkers(): Promise<void> {
  const all = slots.splice(0);
  await Promise.all(all.map((s) => s.worker.terminate()));
}
