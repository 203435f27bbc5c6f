import type { BcEmulatorSettings, FaultKind } from './settings';

/** Whether to fail this request, and how: drawn from `random` so tests can make it deterministic. */
export function pickFault(settings: BcEmulatorSettings, random: () => number): FaultKind | undefined {
  if (settings.faultRate <= 0 || random() >= settings.faultRate) return undefined;
  const kinds = settings.faultKinds;
  return kinds[Math.min(kinds.length - 1, Math.floor(random() * kinds.length))];
}
