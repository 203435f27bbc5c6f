import type { RunInvoicesResponse, RunSummary, UnbilledResponse, UnbilledRow } from '../../contract/api-contract';
import type { SandboxApp } from '../../server/testing/sandbox-app';

export { syncNow } from '../../server/testing/sandbox-app';

/* What the end-to-end tests read from the sandbox behind the tab's back: its API and the BC emulator. */

const PLAIN_NAME = /^\p{L}+( \p{L}+)+$/u;

export interface CustomerPick {
  name: string;
  email: string;
  /** Invoiceable appointments with this customer alone. */
  ownRows: number;
}

async function invoiceableRows(app: SandboxApp, customer?: string): Promise<{ rows: UnbilledRow[]; total: number }> {
  const rows: UnbilledRow[] = [];
  const filter = customer ? `&customer=${encodeURIComponent(customer)}` : '';
  for (;;) {
    const response = await fetch(`${app.origin}/api/unbilled?state=invoiceable&limit=500&offset=${rows.length}${filter}`);
    if (!response.ok) throw new Error(`GET /api/unbilled answered ${response.status}: ${await response.text()}`);
    const page = (await response.json()) as UnbilledResponse;
    rows.push(...page.rows);
    if (page.rows.length === 0 || rows.length >= page.total) return { rows, total: page.total };
  }
}

/** How many invoiceable appointments GET /api/unbilled finds for a customer filter. */
export async function invoiceableCount(app: SandboxApp, customer: string): Promise<number> {
  return (await invoiceableRows(app, customer)).total;
}

/**
 * A customer with at least `count` invoiceable appointments of their own. The sandbox's data is
 * untidy on purpose (one email under several spellings of a name): the pick is an email that always
 * comes with the same plain name and is part of no other email, so the page and Business Central can
 * only show that name.
 */
export async function customerWithAppointments(app: SandboxApp, count: number): Promise<CustomerPick> {
  const { rows } = await invoiceableRows(app);
  const names = new Map<string, Set<string>>();
  const own = new Map<string, number>();
  for (const row of rows) {
    for (const customer of row.customers) {
      const email = customer.email.toLowerCase();
      names.set(email, (names.get(email) ?? new Set()).add(customer.name));
    }
    const [only] = row.customers;
    if (row.customers.length === 1 && only) own.set(only.email.toLowerCase(), (own.get(only.email.toLowerCase()) ?? 0) + 1);
  }
  const emails = [...names.keys()];
  const picks: CustomerPick[] = [];
  for (const [email, spellings] of names) {
    const [name] = [...spellings];
    const ownRows = own.get(email) ?? 0;
    if (email === '' || spellings.size !== 1 || !name || !PLAIN_NAME.test(name) || ownRows < count) continue;
    if (emails.some((other) => other !== email && other.includes(email))) continue;
    picks.push({ name, email, ownRows });
  }
  const pick = picks.sort((a, b) => b.ownRows - a.ownRows)[0];
  if (!pick) throw new Error(`no customer with ${count} invoiceable appointments among ${rows.length} rows`);
  return pick;
}

export interface BcInvoice {
  id: string;
  number: string;
  customerName: string;
  customerNumber: string;
}

/** Every sales invoice of the emulator's first company, following its next links. */
export async function bcInvoices(app: SandboxApp): Promise<BcInvoice[]> {
  const headers = { authorization: `Bearer ${app.token}` };
  const companies = (await (await fetch(`${app.bcApiBaseUrl}/companies`, { headers })).json()) as { value: Array<{ id: string }> };
  const company = companies.value[0];
  if (!company) throw new Error('the BC emulator has no company');
  const invoices: BcInvoice[] = [];
  let url: string | undefined = `${app.bcApiBaseUrl}/companies(${company.id})/salesInvoices`;
  while (url) {
    const page = (await (await fetch(url, { headers })).json()) as { value: BcInvoice[]; '@odata.nextLink'?: string };
    invoices.push(...page.value);
    url = page['@odata.nextLink'];
  }
  return invoices;
}

/** Polls the run's summary until it finishes, then reads its invoices (one page: the tests' runs are small). */
export async function finishedRun(app: SandboxApp, runId: string): Promise<RunSummary & { invoices: RunInvoicesResponse['invoices'] }> {
  for (let i = 0; i < 600; i++) {
    const run = (await (await fetch(`${app.origin}/api/invoice-runs/${runId}`)).json()) as RunSummary;
    if (run.finished) {
      const page = (await (await fetch(`${app.origin}/api/invoice-runs/${runId}/invoices?limit=200`)).json()) as RunInvoicesResponse;
      return { ...run, invoices: page.invoices };
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`run ${runId} did not finish`);
}
