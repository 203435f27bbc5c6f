import type { RequestListener } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { systemClock, type Clock } from '../../service/domain/clock';
import { ScheduledFaults } from '../http/fault-schedule';
import { listen } from '../http/listen';
import { Router } from '../http/router';
import { createIdSource } from '../seed/id-source';
import { hashKey, mulberry32 } from '../seed/prng';
import type { RouteContext } from './route-context';
import { controlRouter } from './routes-control';
import { addAppointmentRoutes } from './routes-appointments';
import { addBusinessRoutes } from './routes-businesses';
import { addCalendarViewRoutes } from './routes-calendar-view';
import { addCatalogRoutes } from './routes-catalog';
import { addCustomerRoutes } from './routes-customers';
import { createRequestListener } from './server';
import { DEFAULT_SETTINGS, mergeSettings, type GraphEmulatorSettings } from './settings';
import { BookingsStore } from './state';
import { StatsRecorder, type GraphEmulatorStats } from './stats';
import { MailboxLimiter } from './throttle';
import type { BookingsSeed } from './types';

export interface GraphEmulatorDeps {
  /** The business clock (created and updated times, error dates); default: the real time. */
  now?: Clock;
  /** Keys the fault draws and the ids the emulator creates; default 1, so every run is reproducible. */
  seed?: number;
  /** Drives fault injection only; default: a generator seeded with `seed`. */
  random?: () => number;
  /** How the emulator waits out latencyMs; a test may hold requests open with its own. */
  sleep?: (ms: number) => Promise<unknown>;
}

export interface ListeningGraphEmulator {
  /** http://host:port/v1.0 */
  baseUrl: string;
  port: number;
  close: () => Promise<void>;
}

export interface GraphEmulator {
  handler: RequestListener;
  /** A copy of the settings in force. */
  readonly settings: GraphEmulatorSettings;
  /** Validates and applies a partial update; throws InvalidSettingsError naming bad fields. */
  update(partial: Partial<GraphEmulatorSettings>): GraphEmulatorSettings;
  stats(): GraphEmulatorStats;
  /** The data as it stands now, as a seed (a restarted sandbox continues from it). */
  exportSeed(): BookingsSeed;
  listen(host?: string, port?: number): Promise<ListeningGraphEmulator>;
}

/** An in-memory Microsoft Graph v1.0 Bookings service over the seed (which it copies, never mutates). */
export function createGraphEmulator(seed: BookingsSeed, settings: Partial<GraphEmulatorSettings> = {}, deps: GraphEmulatorDeps = {}): GraphEmulator {
  let current = mergeSettings(DEFAULT_SETTINGS, settings);
  const now = deps.now ?? systemClock;
  const runSeed = deps.seed ?? 1;
  const ids = createIdSource(`graph|${runSeed}`);
  const ctx: RouteContext = { store: new BookingsStore(seed), settings: () => current, now, ids };
  const scheduledFaults = new ScheduledFaults();
  const limiter = new MailboxLimiter(() => current.maxConcurrentPerMailbox);
  const stats = new StatsRecorder();

  const router = new Router();
  addBusinessRoutes(router, ctx);
  addAppointmentRoutes(router, ctx);
  addCalendarViewRoutes(router, ctx);
  addCustomerRoutes(router, ctx);
  addCatalogRoutes(router, ctx);

  const update = (partial: unknown): GraphEmulatorSettings => {
    current = mergeSettings(current, partial);
    if (typeof partial === 'object' && partial !== null && 'faultSchedule' in partial) scheduledFaults.restart();
    return structuredClone(current);
  };
  const snapshot = (): GraphEmulatorStats => stats.snapshot(limiter.peakByMailbox());
  const control = controlRouter({ settings: () => structuredClone(current), update, stats: snapshot });
  const handler = createRequestListener({
    router,
    ctx,
    limiter,
    stats,
    random: deps.random ?? mulberry32(hashKey(runSeed, 'graph', 'faults')),
    scheduledFaults,
    sleep: deps.sleep ?? sleep,
    control,
    token: () => current.token,
  });

  return {
    handler,
    get settings() {
      return structuredClone(current);
    },
    update,
    stats: snapshot,
    exportSeed: () => ({
      businesses: ctx.store.businesses().map((b) => {
        const state = ctx.store.business(b.id)!;
        return structuredClone({
          business: state.business,
          staffMembers: state.staffMembers,
          services: state.services,
          customers: state.customerList(),
          appointments: state.appointmentList(),
        });
      }),
    }),
    async listen(host = '127.0.0.1', port = 0) {
      const listening = await listen(handler, host, port);
      const shownHost = host.includes(':') ? `[${host}]` : host;
      return { baseUrl: `http://${shownHost}:${listening.port}/v1.0`, port: listening.port, close: listening.close };
    },
  };
}
