import type { Kysely } from 'kysely';
import type { BcSalesInvoice } from '../../../../sandbox/bc';
import type { Setup } from '../../../setup/setup-schema';
import type { Database, Row } from '../../../store/database';
import { syncAppointments } from '../../../sync/appointments';
import { linkServiceToItem, syncServices } from '../../../sync/services';
import { toMinor } from '../../../domain/money';
import { queryUnbilled } from '../../../unbilled';
import { MAX_LIMIT } from '../../../unbilled/unbilled-schemas';
import { startSyncHarness, type SyncHarness, type SyncHarnessOptions } from '../../../sync/testing/sync-harness';
import type { FailAtHook } from '../fail-points';
import { InvoiceRunner } from '../invoice-runner';
import type { LostAnswerWait } from '../lost-answer-wait';
import { businessKey } from '../../../domain/business-key';

const PRICE_REASONS: ReadonlySet<string> = new Set(['price-needed', 'free', 'invalid-price']);

/** A small clinic: enough appointments of every price type, quick to sync. */
export const KIT_SCALE = { customers: 16, staff: 2, daysBack: 10, daysAhead: 1 };

export interface InvoiceKit {
  h: SyncHarness;
  /** The runners' clock: the harness's (from `options.now`), plus what a test advanced it by. */
  clock: { now(): Date; advance(ms: number): void };
  db: Kysely<Database>;
  setup: Setup;
  runner(options?: {
    db?: Kysely<Database>;
    failAt?: FailAtHook;
    staleAfterMs?: number;
    heartbeatMs?: number;
    lostAnswerWait?: LostAnswerWait;
    chunkSize?: number;
  }): InvoiceRunner;
  /** Invoices the runs created in the BC emulator (seeded ones left out). */
  bcInvoices(): BcSalesInvoice[];
  appointments(): Promise<Row<'appointments'>[]>;
  /**
   * Ended unbilled appointments of a service (by display name) whose customers can be invoiced, oldest
   * first: invoiceable, or held back only by their price (free, price needed).
   */
  ended(serviceName: string): Promise<Row<'appointments'>[]>;
  setSetup(patch: Partial<Setup>): void;
}

/** Services whose name an existing BC item already has are linked to that item, as a user would in the tab. */
async function linkConflictingServices(db: Kysely<Database>, h: SyncHarness): Promise<void> {
  const businessId = businessKey(h.businessId);
  const unlinked = await db
    .selectFrom('service_links as sl')
    .innerJoin('services as s', (j) => j.onRef('s.id', '=', 'sl.bookings_service_id').onRef('s.business_id', '=', 'sl.business_id'))
    .select(['s.id', 's.display_name'])
    .where('sl.bc_item_id', 'is', null)
    .execute();
  const items = h.bc.state.company(h.companyId)!.items;
  for (const service of unlinked) {
    const item = items.find((i) => i.displayName === service.display_name);
    if (item) await linkServiceToItem(db, businessId, service.id, item.id, item.number, toMinor(item.unitPrice, 'DKK'), 'DKK', h.clock());
  }
}

/** The emulators seeded, services and appointments synced into `db`, and runners on it. */
export async function startInvoiceKit(db: Kysely<Database>, options: SyncHarnessOptions = {}): Promise<InvoiceKit> {
  const h = await startSyncHarness({ seedScale: KIT_SCALE, ...options });
  await syncServices(h.context(db));
  await syncAppointments(h.context(db));
  await linkConflictingServices(db, h);
  let setup: Setup = h.setup;
  // The harness's clock, moved on by whatever a test advances it.
  let advanced = 0;
  const clock = {
    now: () => new Date(h.clock().getTime() + advanced),
    advance: (ms: number) => {
      advanced += ms;
    },
  };
  const origin = new URL(h.bcApiBaseUrl).origin;
  const kit: InvoiceKit = {
    h,
    clock,
    db,
    get setup() {
      return setup;
    },
    runner: (o = {}) =>
      new InvoiceRunner({
        db: o.db ?? db,
        bookings: h.bookings,
        bc: h.bcClient,
        businessId: h.businessId,
        setup: () => setup,
        links: { kind: 'sandbox', origin },
        clock: clock.now,
        ...(o.failAt ? { failAt: o.failAt } : {}),
        ...(o.lostAnswerWait ? { lostAnswerWait: o.lostAnswerWait } : {}),
        ...(o.chunkSize === undefined ? {} : { chunkSize: o.chunkSize }),
        ...(o.staleAfterMs === undefined ? {} : { staleAfterMs: o.staleAfterMs }),
        ...(o.heartbeatMs === undefined ? {} : { heartbeatMs: o.heartbeatMs }),
      }),
    bcInvoices: () => h.bc.state.company(h.companyId)!.salesInvoices.filter((i) => i.externalDocumentNumber.startsWith('BKI-')),
    appointments: () => db.selectFrom('appointments').selectAll().orderBy('start_utc').orderBy('id').execute(),
    ended: async (serviceName) => {
      // Picked by what the Unbilled list says, never by position: ended, unbilled, with customers that
      // can be invoiced (not blocked, with an email); only the price may stand in the way.
      const service = await db.selectFrom('services').select('id').where('display_name', '=', serviceName).executeTakeFirstOrThrow();
      const { rows } = await queryUnbilled(
        db,
        { businessId: h.businessId, serviceId: service.id, state: 'unbilled', limit: MAX_LIMIT },
        { now: clock.now(), setup },
      );
      // The kit syncs no customers, so the list cannot know who Business Central blocks: ask the emulator.
      const blocked = new Set(
        h.bc.state
          .company(h.companyId)!
          .customers.filter((c) => c.blocked === 'All' || c.blocked === 'Invoice')
          .flatMap((c) => c.email.split(';').map((e) => e.trim().toLowerCase())),
      );
      const wanted = rows
        .filter((r) => r.reasons.every((reason) => PRICE_REASONS.has(reason)))
        .filter((r) => r.customers.every((c) => !blocked.has(c.email.trim().toLowerCase())))
        .map((r) => r.id);
      if (wanted.length === 0) return [];
      return db.selectFrom('appointments').selectAll().where('id', 'in', wanted).orderBy('start_utc').orderBy('id').execute();
    },
    setSetup: (patch) => {
      setup = { ...setup, ...patch };
    },
  };
  return kit;
}

/** What an invoice bills, independent of run ids and BC numbers: for comparing two runs' outcomes. */
export function invoiceSignature(invoices: readonly BcSalesInvoice[]): string[] {
  return invoices
    .map((i) => `${i.customerName}|${i.totalAmountIncludingTax}|${i.salesInvoiceLines.map((l) => `${l.description}:${l.quantity}x${l.unitPrice}`).join(',')}`)
    .sort();
}
