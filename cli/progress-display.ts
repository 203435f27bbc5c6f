import type { SyncRun } from '../service/jobs/sync-run-store';
import type { CliIo } from './cli-context';

export interface ProgressDisplay {
  update(run: SyncRun): void;
  /** Ends the display (a bar's line is finished) before the result is printed. */
  end(): void;
}

const BAR_WIDTH = 24;

function percent(run: SyncRun): number | undefined {
  const { done, total } = run.progress;
  return total > 0 ? Math.min(100, Math.floor((done / total) * 100)) : undefined;
}

/** A one-line bar redrawn in place with \r, for terminals. */
export function barDisplay(io: CliIo): ProgressDisplay {
  let drawn = '';
  return {
    update(run) {
      const pct = percent(run);
      const filled = Math.round(((pct ?? 0) / 100) * BAR_WIDTH);
      const bar = `[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}]`;
      const counts = run.progress.total > 0 ? ` ${run.progress.done}/${run.progress.total}` : '';
      const line = `${bar} ${pct === undefined ? '  ' : `${String(pct).padStart(3)}%`} ${run.phase ?? run.state}${counts}`.slice(
        0,
        Math.max(20, io.columns - 1),
      );
      if (line === drawn) return;
      // Pad over the end of a longer previous line.
      io.out(`\r${line.padEnd(drawn.length)}`);
      drawn = line;
    },
    end() {
      if (drawn !== '') io.out('\n');
      drawn = '';
    },
  };
}

/** A line per phase and per tenth of it, for logs and pipes. */
export function lineDisplay(io: CliIo): ProgressDisplay {
  let last = '';
  return {
    update(run) {
      const pct = percent(run);
      const step = pct === undefined ? '' : ` ${Math.floor(pct / 10) * 10}%`;
      const key = `${run.state} ${run.phase ?? ''}${step}`;
      if (key === last) return;
      last = key;
      const counts = run.progress.total > 0 ? ` (${run.progress.done}/${run.progress.total})` : '';
      io.out(`${run.phase ?? run.state}${step}${counts}\n`);
    },
    end() {},
  };
}
