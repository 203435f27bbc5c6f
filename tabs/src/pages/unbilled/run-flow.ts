import type { AfterCreate, Preview, RunInvoice, RunSummary, SelectionInput } from '../../../../contract/api-contract';
import type { Api } from '../../http/api';
import { type ApiError, asApiError } from '../../http/api-error';

export type RunFlowState =
  | { phase: 'idle' }
  | { phase: 'previewing'; selection: SelectionInput }
  | { phase: 'preview'; selection: SelectionInput; preview: Preview }
  | { phase: 'running'; runId: string | null; run: RunSummary | null }
  | { phase: 'done'; run: SettledRun }
  | { phase: 'error'; error: ApiError };

/**
 * A settled run as its result shows it: the summary and the first page of its invoices. A run of
 * thousands of invoices is megabytes; the History pages through all of them.
 */
export type SettledRun = RunSummary & { invoices: RunInvoice[] };

/** Invoices a settled run's result lists at once. */
export const RESULT_INVOICES = 50;

/** A run has ended, or stopped half way with an error (it resumes later; we stop watching). */
export function isSettled(run: RunSummary): boolean {
  return run.finished || run.error !== null;
}

export interface RunFlowOptions {
  api: Api;
  onChange: (state: RunFlowState) => void;
  pollMs: number;
  /** Called once a run has settled, so the grid reloads (and a finished run's selection clears). */
  onSettled?: (run: RunSummary) => void;
}

/**
 * Preview → explicit confirm → poll the run until it settles. Nothing is invoiced without the
 * confirm step. `cancel` stops watching; it does not stop the server's run.
 */
export class RunFlow {
  private state: RunFlowState = { phase: 'idle' };
  private generation = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly options: RunFlowOptions) {}

  current(): RunFlowState {
    return this.state;
  }

  async preview(selection: SelectionInput): Promise<void> {
    const generation = this.restart();
    this.set({ phase: 'previewing', selection });
    try {
      const preview = await this.options.api.previewRun(selection);
      if (generation === this.generation) this.set({ phase: 'preview', selection, preview });
    } catch (e) {
      if (generation === this.generation) this.set({ phase: 'error', error: asApiError(e) });
    }
  }

  /** `afterCreate`: what the invoicer confirmed for this run (sent as chosen, so a setup changed meanwhile cannot change it). */
  async confirm(afterCreate?: AfterCreate): Promise<void> {
    if (this.state.phase !== 'preview') return;
    const { selection } = this.state;
    const options = afterCreate === undefined ? {} : { afterCreate };
    await this.start(() => this.options.api.startRun(selection, options));
  }

  async retry(runId: string): Promise<void> {
    await this.start(() => this.options.api.retryRun(runId));
  }

  cancel(): void {
    this.restart();
    this.set({ phase: 'idle' });
  }

  private async start(begin: () => Promise<{ runId: string }>): Promise<void> {
    const generation = this.restart();
    this.set({ phase: 'running', runId: null, run: null });
    try {
      const { runId } = await begin();
      if (generation !== this.generation) return;
      this.set({ phase: 'running', runId, run: null });
      await this.poll(runId, generation);
    } catch (e) {
      if (generation === this.generation) this.set({ phase: 'error', error: asApiError(e) });
    }
  }

  private async poll(runId: string, generation: number): Promise<void> {
    const run = await this.options.api.run(runId);
    if (generation !== this.generation) return;
    if (isSettled(run)) {
      const { invoices } = await this.options.api.runInvoices(runId, { offset: 0, limit: RESULT_INVOICES });
      if (generation !== this.generation) return;
      this.set({ phase: 'done', run: { ...run, invoices } });
      this.options.onSettled?.(run);
      return;
    }
    this.set({ phase: 'running', runId, run });
    await new Promise<void>((resolve) => {
      this.timer = setTimeout(resolve, this.options.pollMs);
    });
    if (generation === this.generation) await this.poll(runId, generation);
  }

  private restart(): number {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    return ++this.generation;
  }

  private set(state: RunFlowState): void {
    this.state = state;
    this.options.onChange(state);
  }
}
