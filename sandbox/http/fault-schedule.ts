import { z } from 'zod';

const faultKind = z.enum(['500', '503', 'reset']);
export type ScheduledFaultKind = z.infer<typeof faultKind>;

/**
 * Faults a test asks for by position ("fail the 2nd and the 5th request from now"), where a fault rate
 * would leave it to chance. Requests are counted where the emulator decides on faults, from the moment
 * the schedule is set; `kinds` are used in turn (default: the emulator's `faultKinds`).
 */
export const faultScheduleSchema = z.strictObject({
  onRequests: z.array(z.int().min(1)).min(1),
  kinds: z.array(faultKind).min(1).optional(),
});
export type FaultSchedule = z.infer<typeof faultScheduleSchema>;

/** Counts requests against the schedule in force; `restart` when a new schedule is set. */
export class ScheduledFaults {
  private counted = 0;

  restart(): void {
    this.counted = 0;
  }

  /**
   * Counts one request and says how the schedule fails it, if it does. A kind the request cannot suffer
   * (a $batch item cannot reset the connection that carries the batch) becomes 503.
   */
  next(schedule: FaultSchedule | null, defaultKinds: readonly ScheduledFaultKind[], allowed: readonly ScheduledFaultKind[]): ScheduledFaultKind | undefined {
    if (schedule === null) return undefined;
    this.counted += 1;
    const index = schedule.onRequests.indexOf(this.counted);
    if (index < 0) return undefined;
    const kinds = schedule.kinds ?? defaultKinds;
    const kind = kinds[index % kinds.length] ?? '503';
    return allowed.includes(kind) ? kind : '503';
  }
}
