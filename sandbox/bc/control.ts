import type { RouteRequest, RouteResponse } from '../http/router';
import { badRequest, errorResponse, invalidBody } from './errors';
import { bcEmulatorSettingsPatchSchema, type BcEmulatorSettings, type BcEmulatorSettingsPatch } from './settings';
import type { BcEmulatorStats } from './stats';

export interface ControlDeps {
  settings: () => BcEmulatorSettings;
  /** The emulator's own update: validates, applies and answers the settings in force. */
  update: (patch: BcEmulatorSettingsPatch) => BcEmulatorSettings;
  stats: () => BcEmulatorStats;
  correlationId: () => string;
}

/** `/_emulator/settings` (GET, PATCH) and `/_emulator/stats` (GET); the caller has checked the token. */
export function handleControl(deps: ControlDeps, req: RouteRequest): RouteResponse | undefined {
  const path = req.url.pathname;
  if (path === '/_emulator/stats' && req.method === 'GET') return { status: 200, body: deps.stats() };
  if (path !== '/_emulator/settings') return undefined;
  if (req.method === 'GET') return { status: 200, body: deps.settings() };
  if (req.method !== 'PATCH') return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(req.body);
  } catch {
    return errorResponse(invalidBody(), deps.correlationId());
  }
  const patch = bcEmulatorSettingsPatchSchema.safeParse(parsed);
  if (!patch.success) {
    return errorResponse(
      badRequest(`Invalid settings: ${patch.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`),
      deps.correlationId(),
    );
  }
  try {
    return { status: 200, body: deps.update(patch.data) };
  } catch (error) {
    return errorResponse(badRequest(`Invalid settings: ${error instanceof Error ? error.message : String(error)}`), deps.correlationId());
  }
}
