import type { RunSummary } from '../../service/invoicing/run/run-schemas';
import type { CliIo } from '../cli-context';

const BAR_WIDTH = 24;

/** Invoice run progress: a bar redrawn in place on a terminal, a line per change elsewhere. */
export function invoiceProgress(io: CliIo): { update(run: Pick<RunSummary, 'state' | 'progress'>): void; end(): void } {
  let drawn = '';
  return {
    update(run) {
      const { planned, created, failed } = run.progress;
      const done = created + failed;
      const pct = planned > 0 ? Math.min(100, Math.floor((done / planned) * 100)) : 0;
      const counts = `${run.state} ${done}/${planned}${failed > 0 ? ` (${failed} failed)` : ''}`;
      if (!io.isTty) {
        if (counts !== drawn) io.out(`${counts}\n`);
        drawn = counts;
        return;
      }
      const filled = Math.round((pct / 100) * BAR_WIDTH);
      const line = `[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}] ${String(pct).padStart(3)}% ${counts}`.slice(0, Math.max(20, io.columns - 1));
      if (line === drawn) return;
      io.out(`\r${line.padEnd(drawn.length)}`);
      drawn = line;
    },
    end() {
      if (io.isTty && drawn !== '') io.out('\n');
      drawn = '';
    },
  };
}
