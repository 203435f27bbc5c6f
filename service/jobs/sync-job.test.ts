import { until } from '../testing/until';
import { clockFrom } from '../domain/clock';
import { DEFAULT_TEST_NOW } from '../testing/test-dates';
import { realTimers } from './timers';
import { HttpError } from '../clients/http/http-error';
import { SYNC_ERROR_WORDS } from './sync-error-words';
import { LeaseStore, isUniqueViolation, toIsoUtc } from '../store';
import { describeEachStore } from '../store/testing/test-stores';
import type { SyncContext } from '../sync/sync-context';
import { SyncRunner, type SyncRunnerOptions } from './sync-job';
import type { NamedSyncPhase } from './sync-execution';
import { deferred, fakeContextFactory, recordingPhase, untilAborted } from './testing/fake-sync';

const BUSINESS = 'Fysio@Nordlys.onmicrosoft.com';
const KEY = BUSINESS.toLowerCase();
const who = { requestedBy: 'anna@contoso.com', source: 'cli' } as const;

describeEachStore('SyncRunner', (getStore, suite) => {
  const runners: SyncRunner[] = [];
  // Runs start at a fixed instant; real timers still tick so polls and heartbeats happen.
  const clock = clockFrom(DEFAULT_TEST_NOW);
  const runner = (phases: NamedSyncPhase[], seen: SyncContext[] = [], db = getStore().db, extra: Partial<SyncRunnerOptions> = {}) => {
    const timers = { ...realTimers, now: clock };
    const r = new SyncRunner({ db, phases, createContext: fakeContextFactory(db, seen), pollMs: 10, retryDelayMs: 1, timers, ...extra });
    runners.push(r);
    return r;
  };

  afterEach(async () => {
    await Promise.all(runners.splice(0).map((r) => r.stop()));
    await getStore().db.deleteFrom('sync_runs').execute();
    await getStore().db.deleteFrom('leases').execute();
    await getStore().db.deleteFrom('audit_log').execute();
  });

  const auditOf = (id: string) => getStore().db.selectFrom('audit_log').selectAll().where('subject', '=', id).execute();

  it('audits failed runs and runs a person asked for, not the scheduled ones that succeed', async () => {
    const ok = runner([recordingPhase('services', [], { report: { added: 1 } })]);
    const asked = await ok.waitFor(await ok.requestSync(BUSINESS, who));
    expect((await auditOf(asked.id)).map((a) => [a.action, a.actor, a.source])).toEqual([['sync.succeeded', 'anna@contoso.com', 'cli']]);
    const scheduled = await ok.waitFor(await ok.requestSync(BUSINESS, { requestedBy: 'schedule', source: 'schedule' }));
    expect(await auditOf(scheduled.id)).toEqual([]);

    const failing = runner([recordingPhase('services', [], { run: async () => Promise.reject(new Error('no mailbox')) })]);
    const failed = await failing.waitFor(await failing.requestSync(BUSINESS, { requestedBy: 'schedule', source: 'schedule' }));
    const [entry] = await auditOf(failed.id);
    expect(entry?.action).toBe('sync.failed');
    // The audit (read in History) names the kind; the message stays in the log.
    expect(entry?.details).toContain('"error":"unknown"');
    expect(entry?.details).not.toContain('no mailbox');
  });

  it('runs the phases in order and records counts, heartbeat and end', async () => {
    const calls: string[] = [];
    const seen: SyncContext[] = [];
    const r = runner(
      [
        recordingPhase('services', calls, { report: { added: 2, unchanged: 1 } }),
        recordingPhase('customers', calls, { report: { updated: 3, rejected: 1 } }),
        recordingPhase('appointments', calls, { report: { added: 10, removed: 2 } }),
      ],
      seen,
    );
    const id = await r.requestSync(BUSINESS, who);
    const run = await r.waitFor(id);

    expect(calls).toEqual([`services:${id}`, `customers:${id}`, `appointments:${id}`]);
    expect(run).toMatchObject({
      id,
      businessId: KEY,
      state: 'succeeded',
      phase: 'appointments',
      counts: { added: 12, updated: 3, unchanged: 1, removed: 2, rejected: 1 },
      error: null,
      requestedBy: 'anna@contoso.com',
      source: 'cli',
    });
    expect(run.finishedAt).not.toBeNull();
    expect(seen[0]).toMatchObject({ businessId: KEY, syncRunId: id });
    expect(toIsoUtc(seen[0]!.runStartedAt)).toBe(run.startedAt);
    expect(await new LeaseStore(getStore().db).holderOf(`sync:${KEY}`)).toBeUndefined();
  });

  it('runs the phases inside the store tuning it is given (the bulk-write page cache), which ends with the run', async () => {
    const events: string[] = [];
    const whileRunning = async <T>(work: () => Promise<T>): Promise<T> => {
      events.push('tuned');
      try {
        return await work();
      } finally {
        events.push('untuned');
      }
    };
    const r = runner([recordingPhase('services', events), recordingPhase('appointments', events)], [], getStore().db, { whileRunning });
    const id = await r.requestSync(BUSINESS, who);
    expect((await r.waitFor(id)).state).toBe('succeeded');
    await r.stop();
    expect(events).toEqual(['tuned', `services:${id}`, `appointments:${id}`, 'untuned']);
  });

  it('records the error of a failing phase, keeps what earlier phases stored and runs no later phase', async () => {
    const calls: string[] = [];
    const r = runner([
      recordingPhase('services', calls, { report: { added: 4 } }),
      recordingPhase('customers', calls, {
        run: async () => {
          throw new Error('Bookings said:\n  the mailbox is gone');
        },
      }),
      recordingPhase('appointments', calls),
    ]);
    const run = await r.waitFor(await r.requestSync(BUSINESS, who));
    expect(run.state).toBe('failed');
    // The row says the kind in words; the message (a request, a stack) stays in the log.
    expect(run.errorKind).toBe('unknown');
    expect(run.error).toBe(SYNC_ERROR_WORDS.unknown.en);
    expect(run.counts.added).toBe(4);
    expect(calls.map((c) => c.split(':')[0])).toEqual(['services', 'customers']);
  });

  it('retries a phase once after a transient HTTP error', async () => {
    let attempts = 0;
    const r = runner([
      {
        name: 'services',
        run: async () => {
          attempts += 1;
          if (attempts === 1) throw new HttpError('unavailable', { status: 503 });
          return { added: 1, updated: 0, unchanged: 0, removed: 0, rejected: 0 };
        },
      },
    ]);
    const run = await r.waitFor(await r.requestSync(BUSINESS, who));
    expect(attempts).toBe(2);
    expect(run).toMatchObject({ state: 'succeeded', counts: { added: 1 } });
  });

  it('lets work a phase began go on beside the later phases, and ends the run only once it and what follows it are done', async () => {
    const events: string[] = [];
    const creates = deferred();
    const r = runner([
      recordingPhase('customers', events, {
        run: async (ctx) => {
          ctx.alongside!(
            creates.promise.then(() => void events.push('creates done')),
            async () => void events.push('recount'),
          );
        },
      }),
      recordingPhase('appointments', events),
      recordingPhase('reconcile', events, {
        run: async () => {
          // Every phase has run while the work is held: the run is still going.
          creates.resolve();
        },
      }),
    ]);
    const id = await r.requestSync(BUSINESS, who);
    const run = await r.waitFor(id);
    expect(run.state).toBe('succeeded');
    expect(events).toEqual([`customers:${id}`, `appointments:${id}`, `reconcile:${id}`, 'creates done', 'recount']);
  });

  it('fails the run with work left beside the later phases, once they ran, without what was to follow it', async () => {
    const events: string[] = [];
    const r = runner([
      recordingPhase('customers', events, {
        run: async (ctx) => ctx.alongside!(Promise.reject(new HttpError('client', { status: 400 })), async () => void events.push('recount')),
      }),
      recordingPhase('appointments', events),
    ]);
    const id = await r.requestSync(BUSINESS, who);
    const run = await r.waitFor(id);
    expect(run.state).toBe('failed');
    expect(events).toEqual([`customers:${id}`, `appointments:${id}`]);
  });

  it('writes progress while a phase runs (the latest value wins)', async () => {
    const gate = deferred();
    const r = runner(
      [
        recordingPhase('appointments', [], {
          run: async (ctx) => {
            for (let done = 1; done <= 1000; done += 1) ctx.progress({ phase: 'appointments', done, total: 1000 });
            await gate.promise;
          },
        }),
      ],
      [],
      getStore().db,
      { progressIntervalMs: 20 },
    );
    const id = await r.requestSync(BUSINESS, who);
    await until(async () => (await r.getRun(id))?.progress.done === 1000, 'the last progress is written');
    const last = await r.getRun(id);
    expect(last).toMatchObject({ state: 'running', phase: 'appointments', progress: { done: 1000, total: 1000 } });
    gate.resolve();
    expect((await r.waitFor(id)).state).toBe('succeeded');
  });

  it('joins the run in progress instead of starting a second one', async () => {
    const gate = deferred();
    const calls: string[] = [];
    const r = runner([recordingPhase('services', calls, { gate: gate.promise })]);
    const first = await r.requestSync(BUSINESS, who);
    const again = await r.requestSync(BUSINESS.toLowerCase(), { requestedBy: 'bot', source: 'bot' });
    gate.resolve();
    await r.waitFor(first);
    expect(again).toBe(first);
    expect(calls).toHaveLength(1);
  });

  it('runs once when two processes ask at the same moment', async () => {
    const gate = deferred();
    const calls: string[] = [];
    const other = await suite.reopen();
    const a = runner([recordingPhase('services', calls, { gate: gate.promise })]);
    const b = runner([recordingPhase('services', calls, { gate: gate.promise })], [], other.db);
    const ids = await Promise.all([a.requestSync(BUSINESS, who), b.requestSync(BUSINESS, { requestedBy: 'x', source: 'schedule' })]);
    expect(ids[0]).toBe(ids[1]);
    gate.resolve();
    const [ra, rb] = await Promise.all([a.waitFor(ids[0]), b.waitFor(ids[1])]);
    expect(ra.state).toBe('succeeded');
    expect(rb.id).toBe(ra.id);
    expect(calls).toEqual([`services:${ids[0]}`]);
    expect(await getStore().db.selectFrom('sync_runs').select('id').execute()).toHaveLength(1);
  });

  it('stops the running phase when the process stops, and a later process resumes the same run', async () => {
    const calls: string[] = [];
    const seen: SyncContext[] = [];
    const stopping = runner(
      [recordingPhase('services', calls, { report: { added: 1 } }), recordingPhase('appointments', calls, { run: (ctx) => untilAborted(ctx.signal) })],
      seen,
    );
    const id = await stopping.requestSync(BUSINESS, who);
    await until(() => calls.length >= 2, 'both phases were called');
    await stopping.stop();
    expect(await stopping.getRun(id)).toMatchObject({ state: 'stopped', phase: 'appointments', finishedAt: null });
    await expect(stopping.requestSync(BUSINESS, who)).rejects.toMatchObject({ reason: 'stopping' });

    const next = runner([recordingPhase('services', calls, { report: { added: 1 } }), recordingPhase('appointments', calls, { report: { added: 5 } })], seen);
    expect(await next.resumeInterrupted()).toEqual([id]);
    const run = await next.waitFor(id);
    expect(run).toMatchObject({ state: 'succeeded', counts: { added: 6 } });
    expect(calls).toEqual([`services:${id}`, `appointments:${id}`, `appointments:${id}`]);
    expect(seen[1]!.runStartedAt).toEqual(seen[0]!.runStartedAt);
  });

  it('resumes a run whose process died (stale heartbeat) with the same id, from its phase', async () => {
    const startedAt = '2026-01-05T08:00:00.000Z';
    await getStore()
      .db.insertInto('sync_runs')
      .values({
        id: 'dead-run',
        business_id: KEY,
        state: 'running',
        phase: 'appointments',
        progress_done: 3,
        progress_total: 9,
        added_count: 7,
        updated_count: 0,
        unchanged_count: 0,
        removed_count: 0,
        error: null,
        requested_by: 'schedule',
        source: 'schedule',
        started_at: startedAt,
        updated_at: '2026-01-05T08:01:00.000Z',
        finished_at: null,
      })
      .execute();
    await new LeaseStore(getStore().db).tryAcquire(`sync:${KEY}`, 'dead-process', 60_000, new Date('2026-01-05T08:01:00.000Z'));
    const calls: string[] = [];
    const seen: SyncContext[] = [];
    const r = runner(
      [recordingPhase('services', calls), recordingPhase('customers', calls), recordingPhase('appointments', calls, { report: { added: 2 } })],
      seen,
    );

    expect(await r.resumeInterrupted()).toEqual(['dead-run']);
    const run = await r.waitFor('dead-run');
    expect(calls).toEqual(['appointments:dead-run']);
    expect(run).toMatchObject({ state: 'succeeded', counts: { added: 9 }, startedAt });
    expect(seen[0]!.runStartedAt.toISOString()).toBe(startedAt);
  });

  it('leaves a run alone whose process is alive, and joins it', async () => {
    const now = toIsoUtc(clock());
    await getStore()
      .db.insertInto('sync_runs')
      .values({
        id: 'live-run',
        business_id: KEY,
        state: 'running',
        phase: 'customers',
        progress_done: 0,
        progress_total: 0,
        added_count: 0,
        updated_count: 0,
        unchanged_count: 0,
        removed_count: 0,
        error: null,
        requested_by: null,
        source: null,
        started_at: now,
        updated_at: now,
        finished_at: null,
      })
      .execute();
    const calls: string[] = [];
    const r = runner([recordingPhase('customers', calls)]);
    expect(await r.resumeInterrupted()).toEqual([]);
    expect(await r.requestSync(BUSINESS, who)).toBe('live-run');
    expect(calls).toEqual([]);
    expect((await r.getRun('live-run'))?.state).toBe('running');
  });

  it('refuses a second unfinished run of a business at the database level', async () => {
    const gate = deferred();
    const r = runner([recordingPhase('services', [], { gate: gate.promise })]);
    const id = await r.requestSync(BUSINESS, who);
    const values = { business_id: KEY, state: 'queued', progress_done: 0, progress_total: 0, added_count: 0, updated_count: 0 };
    const more = { unchanged_count: 0, removed_count: 0, started_at: toIsoUtc(clock()), updated_at: toIsoUtc(clock()) };
    expect((await r.getRun(id))?.state).toMatch(/^(queued|running)$/);
    const outcome = await getStore()
      .db.insertInto('sync_runs')
      .values({ id: 'second', ...values, ...more })
      .execute()
      .then(
        () => 'inserted',
        (err: unknown) => (isUniqueViolation(err) ? 'refused' : err),
      );
    expect(outcome).toBe('refused');
    gate.resolve();
    expect((await r.waitFor(id)).state).toBe('succeeded');
  });

  it('reports an unknown run id', async () => {
    await expect(runner([]).waitFor('nope')).rejects.toMatchObject({ reason: 'unknown-run' });
  });

  it('refuses the phase commit of a holder that stalled past its lease once a second holder took it', async () => {
    const gate = deferred();
    const entered = deferred();
    // Holder a's heartbeat never comes in time: it stalls inside the phase while its lease runs out.
    const a = runner(
      [
        recordingPhase('services', [], {
          report: { added: 7 },
          run: async () => {
            entered.resolve();
            await gate.promise;
          },
        }),
      ],
      [],
      getStore().db,
      { holder: 'a', heartbeatMs: 3_600_000, leaseTtlMs: 60_000 },
    );
    const id = await a.requestSync(BUSINESS, who);
    await entered.promise;
    const leases = new LeaseStore(getStore().db);
    const second = await leases.acquire(`sync:${KEY}`, 'b', 60_000, new Date(clock().getTime() + 60_001));
    expect(second).toBeDefined();

    gate.resolve();
    // Stopping waits for a's run to end: its phase returns, and its commit meets b's token.
    await a.stop();
    expect(await leases.holderOf(`sync:${KEY}`, new Date(clock().getTime() + 60_002))).toBe('b');
    const row = await getStore().db.selectFrom('sync_runs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    // Nothing of a's phase was committed, and the run was left for b rather than ended by a.
    expect({ state: row.state, added: row.added_count, finished: row.finished_at }).toEqual({ state: 'running', added: 0, finished: null });
    expect(await auditOf(id)).toEqual([]);
  });
});
