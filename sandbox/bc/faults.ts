import type { ScheduledFaults } from '../http/fault-schedule';
import type { BcEmulatorSettings, FaultKind } from './settings';

const EVERY_KIND: readonly FaultKind[] = ['500', '503', 'reset'];

/** Whether to fail this request, and how: as scheduled, else drawn from the seeded `random`. */
export function pickFault(settings: BcEmulatorSettings, scheduled: ScheduledFaults, random: () => number): FaultKind | undefined {
  const planned = scheduled.next(settings.faultSchedule, settings.faultKinds, EVERY_KIND);
  if (planned !== undefined) return planned;
  if (settings.faultRate <= 0 || random() >= settings.faultRate) return undefined;
  const kinds = settings.faultKinds;
  return kinds[Math.min(kinds.length - 1, Math.floor(random() * kinds.length))];
}
