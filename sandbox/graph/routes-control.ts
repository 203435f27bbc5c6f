import { parseJsonBody, Router } from '../http/router';
import { badRequest } from './errors';
import { InvalidSettingsError, type GraphEmulatorSettings } from './settings';
import type { GraphEmulatorStats } from './stats';

export interface ControlTarget {
  settings(): GraphEmulatorSettings;
  update(patch: unknown): GraphEmulatorSettings;
  stats(): GraphEmulatorStats;
}

/** /_emulator/*: lets tests, benchmarks and acceptance checks in other processes steer and observe the emulator. */
export function controlRouter(target: ControlTarget): Router {
  return new Router()
    .add('GET', '/_emulator/settings', () => ({ status: 200, body: target.settings() }))
    .add('PATCH', '/_emulator/settings', (req) => {
      let patch: unknown;
      try {
        patch = parseJsonBody(req.body);
      } catch {
        throw badRequest('Invalid JSON in the request body.');
      }
      try {
        return { status: 200, body: target.update(patch ?? {}) };
      } catch (error) {
        if (error instanceof InvalidSettingsError) throw badRequest(`Invalid settings: ${error.issues}`);
        throw error;
      }
    })
    .add('GET', '/_emulator/stats', () => ({ status: 200, body: target.stats() }));
}
