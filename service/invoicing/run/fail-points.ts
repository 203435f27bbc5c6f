/**
 * Where a test may kill a run (the hook throws, and the run is left exactly as a dead process leaves
 * it). 'before-correction' strikes when a create batch was answered and
 * the drafts made on a wrong guess of their price basis are not corrected yet.
 * 'after-create' strikes after Business Central answered a create batch (and its corrections) but
 * before the answer is stored: the window the externalDocumentNumber lookup exists for. 'after-post' strikes after Business Central answered a post
 * (or post-and-send) batch but before the answer is stored: the window the status lookup before posting exists for.
 * 'appointments-claimed' strikes when the plan's appointments are claimed and no invoice is written yet,
 * 'mid-claim' between two chunks of invoices of a claim too big for one transaction: either way the
 * run is still 'planned', part claimed.
 */
export const FAIL_POINTS = [
  'after-plan',
  'appointments-claimed',
  'mid-claim',
  'after-claim',
  'after-customers',
  'before-correction',
  'after-create',
  'after-verify',
  'after-record',
  'after-post',
] as const;
export type FailPoint = (typeof FAIL_POINTS)[number];

export type FailAtHook = (point: FailPoint, runId: string) => void | Promise<void>;

/** A failure thrown by the fail-point hook: the run stops as if its process died (nothing is cleaned up). */
export class SimulatedCrash extends Error {
  constructor(
    readonly point: FailPoint,
    cause: unknown,
  ) {
    super(`Invoice run killed at ${point}`, { cause });
    this.name = 'SimulatedCrash';
  }
}
