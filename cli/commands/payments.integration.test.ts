import { registerPayment, setDueDate } from '../../sandbox/bc/payments';
import { postInvoice } from '../../sandbox/bc/sales-invoices';
import { SANDBOX_COMPANY_ID } from '../../sandbox/seed';
import { startCliFixture } from '../testing/cli-fixture';

const NOW = new Date('2026-12-01T09:00:00.000Z');
const PERIOD = '2026-11-27..2026-11-30';

describe('npm run cli -- payments / setup set autoInvoice (against the emulators, SQLite)', () => {
  it('lists the invoices with their Business Central status and what is owed, the overdue ones apart, and sets the automatic schedule', async () => {
    const { cli, bcEmulator, close } = await startCliFixture({ name: 'payments', now: NOW, seed: 5, daysBack: 6, daysAhead: 1 });
    try {
      expect((await cli(['sync'])).code).toBe(0);
      expect((await cli(['invoice', '--period', PERIOD, '--yes'])).code).toBe(0);
      const company = bcEmulator.state.company(SANDBOX_COMPANY_ID)!;
      const ours = company.salesInvoices.filter((i) => i.externalDocumentNumber.startsWith('BKI-'));
      expect(ours.length).toBeGreaterThanOrEqual(2);
      const [paid, late] = ours;
      postInvoice(bcEmulator.state, company, paid!, NOW);
      postInvoice(bcEmulator.state, company, late!, NOW);
      registerPayment(bcEmulator.state, paid!, undefined, NOW);
      setDueDate(bcEmulator.state, late!, '2026-11-20', NOW);
      expect((await cli(['sync'])).code).toBe(0);

      const listed = await cli(['payments']);
      expect(listed.code).toBe(0);
      const paidLine = listed.out.split('\n').find((l) => l.startsWith(paid!.number))!;
      expect(paidLine).toMatch(/\bpaid\b/);
      const lateLine = listed.out.split('\n').find((l) => l.startsWith(late!.number))!;
      expect(lateLine).toContain('OVERDUE');
      expect(lateLine).toContain('2026-11-20');
      expect(listed.out).toContain(`Showing ${ours.length} of ${ours.length} (as of 2026-12-01`);

      const overdue = JSON.parse((await cli(['payments', '--overdue', '--json'])).out) as {
        items: { number: string; state: string; payment: { remaining: { minor: number } } }[];
      };
      expect(overdue.items.map((i) => [i.number, i.state])).toEqual([[late!.number, 'overdue']]);
      expect(overdue.items[0]!.payment.remaining.minor).toBe(Math.round(late!.totalAmountIncludingTax * 100));

      const set = await cli(['setup', 'set', 'autoInvoice.enabled=true', 'autoInvoice.frequency=weekly', 'autoInvoice.day=friday', 'autoInvoice.time=05:30']);
      expect(set).toMatchObject({ code: 0, out: expect.stringContaining('autoInvoice') });
      const shown = await cli(['setup', 'show', '--json']);
      expect(JSON.parse(shown.out)).toMatchObject({ setup: { autoInvoice: { enabled: true, frequency: 'weekly', day: 'friday', time: '05:30' } } });
      const bad = await cli(['setup', 'set', 'autoInvoice.day=someday']);
      expect(bad.code).toBe(2);
      expect(bad.err).toContain('autoInvoice.day');
    } finally {
      await close();
    }
  });
});
