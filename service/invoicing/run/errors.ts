import type { z } from 'zod';

/** The selection, actor or source given to a run is not valid; nothing was started. */
export class InvalidRunRequestError extends Error {
  constructor(readonly issues: z.core.$ZodIssue[]) {
    super(`Invalid invoice run request: ${issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`);
    this.name = 'InvalidRunRequestError';
  }
}

export class RunNotFoundError extends Error {
  constructor(readonly runId: string) {
    super(`No invoice run ${runId}`);
    this.name = 'RunNotFoundError';
  }
}

/**
 * Business Central or Bookings kept failing beyond the retry bounds: the run gives up (give-up), or,
 * when the fate of its drafts is unknown, stops where it is and resumes (same run id) later.
 */
export class RunStoppedError extends Error {
  /** True when Business Central may still be creating the run's drafts: the run must not give up, only pause. */
  readonly fateUnknown: boolean;

  constructor(message: string, options?: { cause?: unknown; fateUnknown?: boolean }) {
    super(message, options);
    this.name = 'RunStoppedError';
    this.fateUnknown = options?.fateUnknown ?? false;
  }
}
