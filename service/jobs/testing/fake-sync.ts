import type { Kysely } from 'kysely';
import { BusinessCentralClient } from '../../clients/business-central/business-central-client';
import { BookingsClient } from '../../clients/graph/bookings-client';
import { defaultSetup } from '../../setup/setup-schema';
import type { Database } from '../../store';
import { emptyReport, type SyncContext, type SyncPhaseName, type SyncPhaseReport } from '../../sync/sync-context';
import type { NamedSyncPhase, SyncContextFactory } from '../sync-execution';

/** Clients pointing nowhere: fake phases never call them. */
const unusedToken = { getToken: async () => 'unused' };

/** A context factory for tests: the real store, clients that are never called, the default setup. */
export function fakeContextFactory(db: Kysely<Database>, seen: SyncContext[] = []): SyncContextFactory {
  return async (base) => {
    const context: SyncContext = {
      ...base,
      db,
      bookings: new BookingsClient({ baseUrl: 'http://127.0.0.1:9/v1.0', tokenProvider: unusedToken }),
      bc: new BusinessCentralClient({ apiBaseUrl: 'http://127.0.0.1:9/api/v2.0', tokenProvider: unusedToken }),
      setup: defaultSetup(base.businessId),
    };
    seen.push(context);
    return context;
  };
}

export interface Deferred {
  promise: Promise<void>;
  resolve(): void;
}

export function deferred(): Deferred {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

/** A phase that records its calls, optionally waits for a gate, and reports `report`. */
export function recordingPhase(
  name: SyncPhaseName,
  calls: string[],
  options: { report?: Partial<SyncPhaseReport>; gate?: Promise<void>; run?: (ctx: SyncContext) => Promise<void> } = {},
): NamedSyncPhase {
  return {
    name,
    run: async (ctx) => {
      calls.push(`${name}:${ctx.syncRunId}`);
      // A gate gives way when the run is stopped, so a failed test never hangs its clean-up.
      if (options.gate) await Promise.race([options.gate, untilAborted(ctx.signal)]);
      if (options.run) await options.run(ctx);
      return { ...emptyReport(), ...options.report };
    },
  };
}

/** Resolves when the signal aborts, then throws as a phase does when stopped between batches. */
export function untilAborted(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    const fail = () => reject(signal.reason instanceof Error ? signal.reason : new Error('aborted'));
    if (signal.aborted) fail();
    else signal.addEventListener('abort', fail, { once: true });
  });
}
