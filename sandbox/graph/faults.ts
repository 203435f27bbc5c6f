import { GraphError } from './errors';
import type { FaultKind, GraphEmulatorSettings } from './settings';

/** With probability faultRate, one of the allowed configured kinds (drawn with the injected random). */
export function pickFault(settings: GraphEmulatorSettings, random: () => number, allowed: readonly FaultKind[]): FaultKind | undefined {
  const kinds = settings.faultKinds.filter((k) => allowed.includes(k));
  if (kinds.length === 0 || settings.faultRate <= 0) return undefined;
  if (random() >= settings.faultRate) return undefined;
  return kinds[Math.min(kinds.length - 1, Math.floor(random() * kinds.length))];
}

export function faultError(kind: '500' | '503', retryAfterSeconds: number): GraphError {
  if (kind === '500') return new GraphError(500, 'InternalServerError', 'An internal server error occurred (injected fault).');
  return new GraphError(503, 'ServiceUnavailable', 'The service is temporarily unavailable (injected fault). Retry after the indicated delay.', {
    'Retry-After': String(retryAfterSeconds),
  });
}
