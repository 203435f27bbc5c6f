import type { Kysely } from 'kysely';
import type { Database } from '../../service/store';
import { RUN_STATES } from '../../service/invoicing/run/run-schemas';
import { UNFINISHED_STATES } from '../../service/jobs/sync-run-state';
import type { BcCustomer, BcInvoice, EmulatorApi } from './emulator-api';

/** What the checker compares: the store's rows and Business Central's records, after everything settled. */
export interface ChaosSnapshot {
  store: {
    appointments: Array<{ id: string; state: string; claimed_by_run: string | null }>;
    invoices: Array<{ id: string; external_document_number: string; bc_invoice_id: string | null; status: string; amount_minor: number }>;
    invoiceLines: Array<{ invoice_id: string; appointment_id: string; customer_email: string; state: string; amount_minor: number }>;
    invoiceRuns: Array<{ id: string; state: string }>;
    syncRuns: Array<{ id: string; state: string }>;
    pricesIncludeVat: boolean;
  };
  bc: {
    invoices: BcInvoice[];
    customers: BcCustomer[];
  };
  /** What Business Central held before the trial (the seed's own invoices and customers). */
  baseline: { invoiceIds: ReadonlySet<string>; customerIds: ReadonlySet<string> };
}

export type InvariantName =
  | 'appointment-claimed'
  | 'run-unfinished'
  | 'duplicate-draft'
  | 'unknown-bc-invoice'
  | 'customer-per-email'
  | 'appointment-billed-twice'
  | 'billed-but-unbilled'
  | 'invoice-missing-in-bc'
  | 'totals';

export interface Violation {
  invariant: InvariantName;
  detail: string;
}

const FINISHED_RUN_STATES: ReadonlySet<string> = new Set(['succeeded', 'partial', 'failed', 'nothing']);
const UNFINISHED_SYNC: ReadonlySet<string> = new Set(UNFINISHED_STATES);
/** A store invoice in these states claims a draft (or posted invoice) in Business Central. */
const LIVE_INVOICE: ReadonlySet<string> = new Set(['created', 'verified', 'mismatch', 'posted']);
const toMinor = (amount: number) => Math.round(amount * 100);

function groupBy<T>(items: readonly T[], key: (item: T) => readonly string[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    for (const k of key(item)) groups.set(k, [...(groups.get(k) ?? []), item]);
  }
  return groups;
}

/** Every way the settled state breaks the exactly-once promise; empty when it holds. */
export function checkInvariants(s: ChaosSnapshot): Violation[] {
  const out: Violation[] = [];
  const add = (invariant: InvariantName, detail: string) => out.push({ invariant, detail });

  for (const a of s.store.appointments) {
    // claimed_by_run stays on an invoiced appointment (the run that billed it); only the state says "claimed".
    if (a.state === 'claimed') add('appointment-claimed', `appointment ${a.id} is claimed by run ${a.claimed_by_run ?? '-'}`);
  }
  for (const r of s.store.invoiceRuns) {
    if (!FINISHED_RUN_STATES.has(r.state)) add('run-unfinished', `invoice run ${r.id} is ${r.state}`);
  }
  for (const r of s.store.syncRuns) {
    if (UNFINISHED_SYNC.has(r.state)) add('run-unfinished', `sync run ${r.id} is ${r.state}`);
  }

  const liveBc = s.bc.invoices.filter((i) => i.status !== 'Canceled');
  for (const [key, drafts] of groupBy(liveBc, (i) => (i.externalDocumentNumber === '' ? [] : [i.externalDocumentNumber]))) {
    if (drafts.length > 1) add('duplicate-draft', `${drafts.length} invoices under key ${key}: ${drafts.map((d) => d.number).join(', ')}`);
  }

  const knownBcIds = new Set(s.store.invoices.flatMap((i) => (i.bc_invoice_id === null ? [] : [i.bc_invoice_id])));
  const byKey = new Map(s.store.invoices.map((i) => [i.external_document_number.toUpperCase(), i]));
  for (const i of liveBc) {
    if (s.baseline.invoiceIds.has(i.id) || knownBcIds.has(i.id)) continue;
    // A key the store gave up on (failed) while Business Central went on to create its draft is the slow-service hazard.
    const stored = byKey.get(i.externalDocumentNumber.toUpperCase());
    const why = stored === undefined ? 'is not in the store' : `is not in the store (its key is, as ${stored.status})`;
    add('unknown-bc-invoice', `Business Central invoice ${i.number} (key ${i.externalDocumentNumber || '-'}) ${why}`);
  }

  const emails = (c: BcCustomer) => [
    ...new Set(
      c.email
        .split(';')
        .map((e) => e.trim().toLowerCase())
        .filter((e) => e !== ''),
    ),
  ];
  for (const [email, customers] of groupBy(s.bc.customers, emails)) {
    // The seed may hold two customers under one address on purpose; a second one we created is the fault.
    if (customers.length > 1 && customers.some((c) => !s.baseline.customerIds.has(c.id))) {
      add('customer-per-email', `${customers.length} Business Central customers for ${email}: ${customers.map((c) => c.number).join(', ')}`);
    }
  }

  const bcById = new Map(liveBc.map((i) => [i.id, i]));
  const invoiceById = new Map(s.store.invoices.map((i) => [i.id, i]));
  const appointmentById = new Map(s.store.appointments.map((a) => [a.id, a]));
  const billedLines = s.store.invoiceLines.filter((l) => {
    const invoice = invoiceById.get(l.invoice_id);
    return l.state === 'invoiced' && invoice !== undefined && LIVE_INVOICE.has(invoice.status);
  });
  for (const [key, lines] of groupBy(billedLines, (l) => [`${l.appointment_id} / ${l.customer_email}`])) {
    if (lines.length > 1) add('appointment-billed-twice', `appointment ${key} is on ${lines.length} invoices`);
  }
  for (const l of billedLines) {
    const state = appointmentById.get(l.appointment_id)?.state;
    if (state === 'unbilled' || state === 'claimed') add('billed-but-unbilled', `appointment ${l.appointment_id} is ${state} but on invoice ${l.invoice_id}`);
  }

  for (const invoice of s.store.invoices) {
    if (!LIVE_INVOICE.has(invoice.status)) continue;
    const bc = invoice.bc_invoice_id === null ? undefined : bcById.get(invoice.bc_invoice_id);
    if (bc === undefined) {
      add('invoice-missing-in-bc', `invoice ${invoice.external_document_number} is ${invoice.status} in the store but not in Business Central`);
      continue;
    }
    const lines = billedLines.filter((l) => l.invoice_id === invoice.id);
    const priced = lines.reduce((sum, l) => sum + l.amount_minor, 0);
    const billed = toMinor(s.store.pricesIncludeVat ? bc.totalAmountIncludingTax : bc.totalAmountExcludingTax);
    if (priced !== invoice.amount_minor || billed !== invoice.amount_minor) {
      add(
        'totals',
        `invoice ${invoice.external_document_number}: appointments ${priced}, store ${invoice.amount_minor}, Business Central ${billed} (minor units)`,
      );
    }
  }
  return out;
}

/** Reads the snapshot from the trial's database and the emulators. */
export async function collectSnapshot(
  db: Kysely<Database>,
  api: EmulatorApi,
  baseline: ChaosSnapshot['baseline'],
  pricesIncludeVat: boolean,
): Promise<ChaosSnapshot> {
  const [appointments, invoices, invoiceLines, invoiceRuns, syncRuns, bcInvoices, bcCustomers] = await Promise.all([
    db.selectFrom('appointments').select(['id', 'state', 'claimed_by_run']).execute(),
    db.selectFrom('invoices').select(['id', 'external_document_number', 'bc_invoice_id', 'status', 'amount_minor']).execute(),
    db.selectFrom('invoice_lines').select(['invoice_id', 'appointment_id', 'customer_email', 'state', 'amount_minor']).execute(),
    db.selectFrom('invoice_runs').select(['id', 'state']).execute(),
    db.selectFrom('sync_runs').select(['id', 'state']).execute(),
    api.bcInvoices(),
    api.bcCustomers(),
  ]);
  return {
    store: {
      appointments,
      invoices: invoices.map((i) => ({ ...i, amount_minor: Number(i.amount_minor) })),
      invoiceLines: invoiceLines.map((l) => ({ ...l, amount_minor: Number(l.amount_minor) })),
      invoiceRuns,
      syncRuns,
      pricesIncludeVat,
    },
    bc: { invoices: bcInvoices, customers: bcCustomers },
    baseline,
  };
}

// Keeps the checker's idea of a finished run in step with the product's states.
for (const state of FINISHED_RUN_STATES) if (!(RUN_STATES as readonly string[]).includes(state)) throw new Error(`unknown run state ${state}`);
