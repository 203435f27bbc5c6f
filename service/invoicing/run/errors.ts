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
 * Business Central or Bookings kept failing beyond the retry bounds: the run stops where it is and
 * resumes (same run id) on the next start or resumeInterrupted().
 */
export class RunStoppedError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'RunStoppedError';
  }
}
