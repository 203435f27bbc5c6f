import { runInvoicesResponseSchema, runSummarySchema, type RunInvoiceWithPayment, type RunSummary } from '../../../contract/api-contract';
import type { ApiTestServer } from './api-test-server';

export type RunWithInvoices = RunSummary & { invoices: RunInvoiceWithPayment[] };

/** The polled answer: the run without its invoices. */
export async function runSummary(api: ApiTestServer, runId: string): Promise<RunSummary> {
  const res = await api.call('GET', `/api/invoice-runs/${runId}`);
  if (res.status !== 200) throw new Error(`GET /api/invoice-runs/${runId} answered ${res.status}: ${res.text}`);
  return runSummarySchema.parse(res.body);
}

/** A run as a face shows it once it settled: its summary, then every invoice page by page. */
export async function runWithInvoices(api: ApiTestServer, summary: RunSummary): Promise<RunWithInvoices> {
  const invoices: RunInvoiceWithPayment[] = [];
  for (;;) {
    const res = await api.call('GET', `/api/invoice-runs/${summary.id}/invoices?offset=${invoices.length}&limit=200`);
    const page = runInvoicesResponseSchema.parse(res.body);
    invoices.push(...page.invoices);
    if (page.invoices.length === 0 || invoices.length >= page.total) return { ...summary, invoices };
  }
}
