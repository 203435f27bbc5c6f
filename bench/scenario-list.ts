import { z } from 'zod';
import type { BenchRun } from './bench-run';
import { call, json } from './http';
import { percentile } from './report';

/*
 * (3) The Unbilled list over HTTP, as the tab asks for it: each kind of query REQUESTS times after one
 * unmeasured request, one at a time, p50 and p95 of the answer time (request to last byte).
 */

const REQUESTS = 20;
const GOAL_P95_MS = 30;
const SORTS = ['start', 'end', 'customer', 'service', 'price', 'amount', 'duration', 'state'] as const;
const DAY_MS = 86_400_000;

const pageSchema = z.looseObject({
  total: z.number(),
  after: z.string().optional(),
  rows: z.array(
    z.looseObject({
      serviceId: z.string().nullable(),
      staffMemberIds: z.array(z.string()),
      customers: z.array(z.looseObject({ name: z.string(), email: z.string() })),
    }),
  ),
});

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The query kinds, from what the first page shows (a customer, a service, a staff member on it). */
async function queries(origin: string, now: Date): Promise<{ label: string; query: string }[]> {
  const first = await json(pageSchema, `${origin}/api/unbilled`);
  const usable = (rows: typeof first.rows) => rows.find((r) => r.customers.length > 0 && r.serviceId !== null && r.staffMemberIds.length > 0);
  // With nothing invoiceable, a customer, service and staff member to filter on come from every state.
  const row = usable(first.rows) ?? usable((await json(pageSchema, `${origin}/api/unbilled?state=all`)).rows);
  if (row === undefined) throw new Error('the Unbilled list is empty in every state: the sync brought nothing to list');
  const customer = row.customers[0]!;
  const deep = Math.max(50, Math.floor((first.total * 0.9) / 50) * 50);
  const q = (params: Record<string, string>) => new URLSearchParams(params).toString();
  // As the tab's Next button asks for it: by the cursor of the page before (taken unmeasured).
  const before = await json(pageSchema, `${origin}/api/unbilled?${q({ offset: String(deep - 50) })}`);
  const cursor: Record<string, string> = before.after === undefined ? {} : { after: before.after };
  return [
    { label: 'first page with totals', query: '' },
    { label: `deep page (offset ${deep} of ${first.total}, by cursor)`, query: q({ offset: String(deep), ...cursor }) },
    ...SORTS.map((sort) => ({ label: `sort by ${sort}, descending`, query: q({ sort, direction: 'desc' }) })),
    { label: 'period filter (two weeks)', query: q({ from: day(now.getTime() - 21 * DAY_MS), to: day(now.getTime() - 8 * DAY_MS) }) },
    { label: 'customer search (a name)', query: q({ search: customer.name }) },
    { label: 'customer filter (an email)', query: q({ customer: customer.email }) },
    { label: 'service filter', query: q({ serviceId: row.serviceId! }) },
    { label: 'staff filter', query: q({ staffMemberId: row.staffMemberIds[0]! }) },
    { label: 'state filter (not invoiceable)', query: q({ state: 'not-invoiceable' }) },
    { label: 'every state, searched', query: q({ state: 'all', search: customer.name }) },
  ];
}

/** Every query kind against the app at `origin`; `store` names the database in the figures. */
export async function unbilledList(run: BenchRun, origin: string, store: string): Promise<void> {
  for (const { label, query } of await queries(origin, run.appNow())) {
    const url = `${origin}/api/unbilled${query === '' ? '' : `?${query}`}`;
    const warm = await call(url);
    if (warm.status !== 200) throw new Error(`GET ${url} answered ${warm.status}: ${warm.text.slice(0, 300)}`);
    const times: number[] = [];
    let bytes = 0;
    for (let i = 0; i < REQUESTS; i++) {
      const answer = await call(url);
      if (answer.status !== 200) throw new Error(`GET ${url} answered ${answer.status}`);
      times.push(answer.ms);
      bytes = answer.text.length;
    }
    const total = pageSchema.shape.total.safeParse((JSON.parse(warm.text) as { total?: unknown }).total);
    run.add({
      scenario: `list, ${store}`,
      name: `${label}, p95`,
      value: percentile(times, 95),
      unit: 'ms',
      goal: { on: 'value', op: '<', limit: GOAL_P95_MS },
      notes: `p50 ${percentile(times, 50).toFixed(1)} ms over ${REQUESTS} requests; ${total.success ? total.data : '?'} matching rows; ${Math.round(bytes / 1024)} KB`,
    });
    run.log(`list ${store}: ${label}: p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms`);
  }
}
