import { Cron } from 'croner';
import type { Db } from '../db/database.js';
import type { Clock } from '../clock.js';
import { newId } from '../ids.js';

export interface JobDefinition {
  name: string;
  /** Cron pattern in Asia/Shanghai; each scheduled run gets the id `name@slot`, so it exists once. */
  schedule?: string;
  handler: (payload: unknown, job: { id: string; slot: string | null }) => Promise<void>;
}

const LOCK_MS = 5 * 60_000;
const MAX_ATTEMPTS = 3;

/**
 * Jobs live in the `job` table. Any number of instances may tick: a job runs only in the instance whose
 * conditional UPDATE claimed it, and scheduled runs have deterministic ids, so a slot is inserted once.
 */
export class JobRunner {
  private readonly defs = new Map<string, JobDefinition>();
  private timer: NodeJS.Timeout | null = null;
  private ticking: Promise<void> | null = null;

  constructor(private readonly db: Db, private readonly clock: Clock, readonly instanceId: string, private readonly log: (msg: string, extra?: object) => void = () => {}) {}

  register(def: JobDefinition) {
    if (this.defs.has(def.name)) throw new Error(`job ${def.name} registered twice`);
    this.defs.set(def.name, def);
  }

  get definitions() {
    return [...this.defs.values()];
  }

  /** Queues a one-off job; the same `id` queued twice is one job. */
  async enqueue(name: string, payload: unknown, opts: { id?: string; runAt?: string } = {}) {
    const now = this.clock.nowIso();
    await this.db.insertInto('job').values({
      id: opts.id ?? newId(), name, payload: JSON.stringify(payload ?? null), run_at: opts.runAt ?? now,
      status: 'pending', attempts: 0, locked_by: null, locked_until: null, last_error: null, created_at: now, finished_at: null,
    }).onConflict((oc) => oc.column('id').doNothing()).execute();
  }

  /** Inserts the latest due slot of every scheduled job (a no-op when another instance already did). */
  async scheduleDue() {
    const now = this.clock.now();
    for (const def of this.defs.values()) {
      if (!def.schedule) continue;
      const [slot] = new Cron(def.schedule, { timezone: 'Asia/Shanghai', paused: true }).previousRuns(1, now);
      if (!slot) continue;
      await this.enqueue(def.name, { slot: slot.toISOString() }, { id: `${def.name}@${slot.toISOString()}`, runAt: slot.toISOString() });
    }
  }

  /** Claims and runs what is due; returns the ids this instance ran. */
  async runDue(limit = 10): Promise<string[]> {
    const now = this.clock.nowIso();
    const candidates = await this.db.selectFrom('job').select(['id', 'name', 'payload', 'attempts'])
      .where((eb) => eb.or([
        eb.and([eb('status', '=', 'pending'), eb('run_at', '<=', now)]),
        eb.and([eb('status', '=', 'running'), eb('locked_until', '<', now)]),
      ]))
      .orderBy('run_at').limit(limit).execute();
    const ran: string[] = [];
    for (const job of candidates) {
      const def = this.defs.get(job.name);
      if (!def) continue;
      const claimed = await this.db.updateTable('job')
        .set({ status: 'running', locked_by: this.instanceId, locked_until: new Date(this.clock.now().getTime() + LOCK_MS).toISOString(), attempts: job.attempts + 1 })
        .where('id', '=', job.id).where('attempts', '=', job.attempts)
        .where((eb) => eb.or([eb('status', '=', 'pending'), eb.and([eb('status', '=', 'running'), eb('locked_until', '<', now)])]))
        .executeTakeFirst();
      if (Number(claimed.numUpdatedRows) !== 1) continue; // another instance has it
      ran.push(job.id);
      try {
        const payload = JSON.parse(job.payload);
        await def.handler(payload, { id: job.id, slot: payload && typeof payload === 'object' && 'slot' in payload ? String(payload.slot) : null });
        await this.db.updateTable('job').set({ status: 'done', finished_at: this.clock.nowIso(), locked_until: null, last_error: null }).where('id', '=', job.id).execute();
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        const failed = job.attempts + 1 >= MAX_ATTEMPTS;
        await this.db.updateTable('job').set({
          status: failed ? 'failed' : 'pending', last_error: message.slice(0, 2000), locked_until: null,
          run_at: new Date(this.clock.now().getTime() + 60_000 * (job.attempts + 1)).toISOString(),
          finished_at: failed ? this.clock.nowIso() : null,
        }).where('id', '=', job.id).execute();
        this.log(`job ${job.id} failed`, { err: message });
      }
    }
    return ran;
  }

  async tick(): Promise<string[]> {
    await this.scheduleDue();
    return this.runDue();
  }

  start(intervalMs = 30_000) {
    if (this.timer) return;
    const run = () => {
      if (this.ticking) return;
      this.ticking = this.tick().then(() => undefined, (err) => this.log('job tick failed', { err: String(err) })).finally(() => { this.ticking = null; });
    };
    this.timer = setInterval(run, intervalMs);
    this.timer.unref();
    setTimeout(run, 1000).unref();
  }

  async stop() {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.ticking;
  }
}
