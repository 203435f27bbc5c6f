import { appointmentSpan } from '../sandbox/graph/state';
import { generateSandboxData, SANDBOX_BUSINESS_ID, type SandboxData } from '../sandbox/seed';
import { perSecond, timed, type Benchmark, type BenchResult } from './benchmark';
import { startGraph } from './emulators';

const DAY_MS = 86_400_000;
const PAGE_SIZE = 100;
const LARGE_SCALE = 100_000;
/** The large read stops here if it is not done, and reports the rate over what it read. */
const LARGE_BUDGET_MS = Number(process.env['BENCH_GRAPH_BUDGET_MS'] ?? 30_000);

function inWindow(data: SandboxData, start: Date, end: Date): number {
  const business = data.bookings.businesses.find((b) => b.business.id === SANDBOX_BUSINESS_ID);
  return (business?.appointments ?? []).filter((a) => {
    const span = appointmentSpan(a);
    return span.start < end.getTime() && span.end > start.getTime();
  }).length;
}

/** The whole 30-day window at the demo clinic's size, after one unmeasured read (JIT, connections). */
async function defaultScale(): Promise<BenchResult[]> {
  const now = new Date();
  const graph = await startGraph(generateSandboxData({ seed: 1, now }));
  try {
    const read = () => graph.client.calendarView(SANDBOX_BUSINESS_ID, new Date(now.getTime() - 30 * DAY_MS), now);
    await read();
    const before = graph.emulator.stats().requestsServed;
    const { value, ms } = await timed(read);
    const requests = graph.emulator.stats().requestsServed - before;
    return [
      {
        benchmark: 'Graph calendarView, 30 days, default scale',
        figure: Math.round(ms),
        unit: 'ms',
        notes: `${value.appointments.length} appointments, pages of ${PAGE_SIZE}`,
      },
      { benchmark: 'Graph calendarView, 30 days, default scale', figure: requests, unit: 'requests', notes: 'one per page, next links followed to the end' },
    ];
  } finally {
    await graph.close();
  }
}

/** 120 days of a 100,000-appointment mailbox, page by page, within a time budget. */
async function largeScale(): Promise<BenchResult> {
  const now = new Date();
  const start = new Date(now.getTime() - 120 * DAY_MS);
  const data = generateSandboxData({ seed: 1, now, scale: { appointments: LARGE_SCALE } });
  const expected = inWindow(data, start, now);
  const graph = await startGraph(data);
  try {
    let read = 0;
    let pages = 0;
    let complete = false;
    const { ms } = await timed(async () => {
      const began = performance.now();
      for await (const page of graph.client.calendarViewPages(SANDBOX_BUSINESS_ID, start, now)) {
        read += page.appointments.length;
        pages += 1;
        if (page.nextLink === undefined) complete = true;
        if (performance.now() - began > LARGE_BUDGET_MS) break;
      }
    });
    const totalPages = Math.ceil(expected / PAGE_SIZE);
    const coverage = complete
      ? `all ${read} appointments in ${pages} requests, ${Math.round(ms)} ms`
      : `stopped at the ${LARGE_BUDGET_MS / 1000} s budget: ${read} of ${expected} appointments (${pages} of ${totalPages} pages), ${Math.round(ms / pages)} ms a page`;
    return {
      benchmark: `Graph calendarView, 120 days, ${LARGE_SCALE.toLocaleString('en')}-appointment scale`,
      figure: Math.round(perSecond(read, ms)),
      unit: 'appointments/s',
      notes: coverage,
    };
  } finally {
    await graph.close();
  }
}

export const graphCalendarViewBenchmark: Benchmark = {
  name: 'graph-calendar-view',
  async run() {
    return [...(await defaultScale()), await largeScale()];
  },
};
