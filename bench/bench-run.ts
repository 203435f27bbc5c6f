import type { AppProcess, EmulatorsProcess } from './processes';
import type { Figure } from './report';

/** What every scenario gets: the running processes, the stated settings, and where figures go. */
export interface BenchRun {
  emulators: EmulatorsProcess;
  /** The app on SQLite (the list scenario starts its own on PostgreSQL beside it). */
  app: AppProcess;
  businessId: string;
  settings: { latencyMs: number; serviceTimeMs: number; bcMaxConcurrent: number; graphMaxConcurrentPerMailbox: number; appointments: number };
  /** The app's clock (SANDBOX_CLOCK_START plus the time since). */
  appNow(): Date;
  appUsage(): { peakRssMb: number; rssMb: number; cpuSeconds: number };
  /** Resets the app's peak RSS, so the next reading is the next work's. */
  resetAppPeakRss(): void;
  add(figure: Omit<Figure, 'ratio' | 'verdict' | 'missedBy'>): void;
  log(line: string): void;
}
