import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { silentLogger, type Logger } from '../logging/logger';
import { LeaseStore, type Database } from '../store';
import { realTimers, type TimerHandle, type Timers } from './timers';

/**
 * Commits `work` as the tick's lease holder: in one transaction that is refused (LeaseLostError)
 * once another process has taken the lease since this tick took it.
 */
export type AsHolder = <T>(work: (trx: Transaction<Database>) => Promise<T>) => Promise<T>;

/** "Every N minutes, under lease L, do X." */
export interface ScheduledTask {
  name: string;
  /** With several processes, the one holding this lease does the work. */
  leaseName: string;
  /** Read before each wait, so a changed setup takes effect at the next tick. */
  intervalMs(): number | Promise<number>;
  /** What the tick commits as the one process doing it goes through `asHolder`. */
  run(signal: AbortSignal, asHolder: AsHolder): Promise<void>;
}

export interface SchedulerOptions {
  db: Kysely<Database>;
  timers?: Timers;
  logger?: Logger;
  /** This process's name in the lease table. */
  holder?: string;
}

/**
 * Runs each task every interval. Every process schedules every task; the lease decides who works.
 * The lease lives 1.5 intervals and its holder renews it at each tick, so the holder keeps the task
 * while it lives and another process takes over within one and a half intervals when it dies.
 */
export class IntervalScheduler {
  private readonly timers: Timers;
  private readonly logger: Logger;
  private readonly leases: LeaseStore;
  private readonly holder: string;
  private readonly handles = new Map<string, TimerHandle>();
  private readonly running = new Set<Promise<void>>();
  private readonly controller = new AbortController();

  constructor(options: SchedulerOptions) {
    this.timers = options.timers ?? realTimers;
    this.logger = (options.logger ?? silentLogger).child({ component: 'scheduler' });
    this.leases = new LeaseStore(options.db, () => this.timers.now());
    this.holder = options.holder ?? `scheduler:${randomUUID()}`;
  }

  /** Schedules a task; its first tick comes after `firstDelayMs` (default: one interval). */
  add(task: ScheduledTask, firstDelayMs?: number): void {
    if (this.handles.has(task.name)) throw new Error(`Task ${task.name} is already scheduled`);
    if (this.controller.signal.aborted) throw new Error('The scheduler is stopped');
    void this.scheduleNext(task, firstDelayMs);
  }

  /** Resolves when the ticks under way have ended (each has scheduled its next one). */
  async whenIdle(): Promise<void> {
    await Promise.all([...this.running]);
  }

  /** Cancels the waits, aborts running tasks and waits for them to end. */
  async stop(): Promise<void> {
    this.controller.abort();
    for (const handle of this.handles.values()) this.timers.clearTimeout(handle);
    this.handles.clear();
    await Promise.all([...this.running]);
  }

  private async scheduleNext(task: ScheduledTask, delayMs?: number): Promise<void> {
    let wait: number;
    try {
      wait = delayMs ?? (await task.intervalMs());
    } catch (err) {
      this.logger.error({ err, task: task.name }, 'could not read the task interval; retrying in a minute');
      wait = 60_000;
    }
    if (this.controller.signal.aborted) return;
    this.handles.set(
      task.name,
      this.timers.setTimeout(() => {
        const tick = this.tick(task).finally(() => this.running.delete(tick));
        this.running.add(tick);
      }, wait),
    );
  }

  private async tick(task: ScheduledTask): Promise<void> {
    this.handles.delete(task.name);
    try {
      const interval = await task.intervalMs();
      const lease = await this.leases.acquire(task.leaseName, this.holder, Math.ceil(interval * 1.5));
      if (lease) await task.run(this.controller.signal, (work) => this.leases.fenced(lease, work));
    } catch (err) {
      this.logger.error({ err, task: task.name }, 'scheduled task failed');
    }
    // The next wait starts when this tick ends: a slow task never overlaps itself.
    if (!this.controller.signal.aborted) await this.scheduleNext(task);
  }
}
