import type { SyncRunView } from '../../../../contract/api-contract';
import type { Api } from '../../http/api';
import { type ApiError, asApiError } from '../../http/api-error';

export type SyncWatchState =
  | { phase: 'checking' }
  | { phase: 'never' }
  | { phase: 'starting' }
  | { phase: 'active'; run: SyncRunView }
  | { phase: 'ended'; run: SyncRunView }
  | { phase: 'error'; error: ApiError };

/** Queued or running: worth watching. A stopped run resumes only when a process takes it up again. */
export function isActive(run: SyncRunView): boolean {
  return run.state === 'queued' || run.state === 'running';
}

/** How far the current phase is, 0-100; null while its size is unknown. */
export function syncPercent(run: SyncRunView): number | null {
  if (run.progress.total <= 0) return null;
  return Math.min(100, Math.max(0, Math.floor((run.progress.done * 100) / run.progress.total)));
}

export interface SyncWatchOptions {
  api: Api;
  onChange: (state: SyncWatchState) => void;
  pollMs: number;
  /** While no sync has ever run, how often to look again (the scheduler may start one any moment). */
  recheckMs?: number;
  /** Called once when a sync this watch saw (or started) ends, so the page reloads what it shows. */
  onSynced?: (run: SyncRunView) => void;
}

/**
 * Follows the business's latest sync: asks for it once, polls it while it is queued or running, and
 * reports its end once. `stop` ends the watching, never the server's sync.
 */
export class SyncWatch {
  private generation = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly options: SyncWatchOptions) {}

  async start(): Promise<void> {
    const generation = this.restart();
    this.set({ phase: 'checking' });
    await this.guard(generation, () => this.check(generation, false));
  }

  async syncNow(): Promise<void> {
    const generation = this.restart();
    this.set({ phase: 'starting' });
    await this.guard(generation, async () => {
      const { syncRunId } = await this.options.api.startSync();
      if (generation === this.generation) await this.follow(syncRunId, generation, null);
    });
  }

  stop(): void {
    this.restart();
  }

  private async check(generation: number, wasNever: boolean): Promise<void> {
    const latest = (await this.options.api.syncRuns(1)).runs[0];
    if (generation !== this.generation) return;
    if (latest === undefined) {
      this.set({ phase: 'never' });
      await this.wait(this.options.recheckMs ?? 5000);
      if (generation === this.generation) await this.check(generation, true);
    } else if (isActive(latest)) {
      await this.follow(latest.id, generation, latest);
    } else {
      this.set({ phase: 'ended', run: latest });
      // A sync that ran wholly between two looks still brought data the page has not shown.
      if (wasNever) this.options.onSynced?.(latest);
    }
  }

  private async follow(id: string, generation: number, seen: SyncRunView | null): Promise<void> {
    let run = seen ?? (await this.options.api.syncRun(id));
    while (generation === this.generation && isActive(run)) {
      this.set({ phase: 'active', run });
      await this.wait(this.options.pollMs);
      if (generation !== this.generation) return;
      run = await this.options.api.syncRun(id);
    }
    if (generation !== this.generation) return;
    this.set({ phase: 'ended', run });
    this.options.onSynced?.(run);
  }

  private async guard(generation: number, work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (e) {
      if (generation === this.generation) this.set({ phase: 'error', error: asApiError(e) });
    }
  }

  private wait(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      this.timer = setTimeout(resolve, ms);
    });
  }

  private restart(): number {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    return ++this.generation;
  }

  private set(state: SyncWatchState): void {
    this.options.onChange(state);
  }
}
