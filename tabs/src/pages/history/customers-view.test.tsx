/** @jest-environment jsdom */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { PaymentCustomer, PaymentItem } from '../../../../contract/api-contract';
import { NARROW_MEDIA } from '../../app/use-media-query';
import { FakeApi } from '../../http/testing/fake-api';
import { renderWithApp } from '../../testing/render-with-app';
import { CUSTOMERS_PAGE } from './customers-view';
import { HistoryPage } from './history-page';

/* The History's customer view: customers with their invoices' payment status, overdue filter, sorting, paging, and each customer's invoices. */

function customer(i: number, change: Partial<PaymentCustomer> = {}): PaymentCustomer {
  return {
    name: `Kunde ${i}`,
    email: `kunde${i}@example.dk`,
    invoices: 2,
    overdue: 0,
    owed: [],
    oldestDue: null,
    lastInvoiceDate: '2026-11-01',
    ...change,
  };
}

function item(id: string, email: string, change: Partial<PaymentItem>): PaymentItem {
  return {
    id,
    runId: 'run-1',
    number: `S-INV-${id}`,
    customer: { name: 'Åse Berg', email },
    invoiceDate: '2026-10-01',
    amount: { minor: 50_000, currency: 'DKK' },
    state: 'posted',
    payment: null,
    url: `https://businesscentral.dynamics.com/?invoice=${id}`,
    ...change,
  };
}

function windowOf(narrow: boolean): void {
  Object.assign(window, {
    ResizeObserver:
      window.ResizeObserver ??
      class {
        observe(): void {}
        unobserve(): void {}
        disconnect(): void {}
      },
    matchMedia: (query: string) => ({
      matches: narrow && query === NARROW_MEDIA,
      media: query,
      onchange: null,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      addListener: () => undefined,
      removeListener: () => undefined,
      dispatchEvent: () => false,
    }),
  });
}

function seeded(): FakeApi {
  const api = new FakeApi([]);
  const aase = customer(0, {
    name: 'Åse Berg',
    email: 'aase@example.dk',
    invoices: 3,
    overdue: 1,
    owed: [{ minor: 60_000, currency: 'DKK' }],
    oldestDue: '2026-11-10',
  });
  api.paymentCustomersState = [aase, ...Array.from({ length: CUSTOMERS_PAGE }, (_, i) => customer(i + 1))];
  api.paymentItems = [
    item('1', 'aase@example.dk', { state: 'overdue', payment: { bcStatus: 'Open', remaining: { minor: 50_000, currency: 'DKK' }, dueDate: '2026-11-10' } }),
    item('2', 'aase@example.dk', { state: 'paid', payment: { bcStatus: 'Paid', remaining: { minor: 0, currency: 'DKK' }, dueDate: '2026-11-05' } }),
    item('3', 'aase@example.dk', { state: 'draft', number: 'D-3', payment: null }),
    item('4', 'kunde1@example.dk', { state: 'posted' }),
  ];
  return api;
}

describe('History: the customer view', () => {
  it('lists customers by name with counts, what they owe and the oldest unpaid due date; filters overdue, sorts and pages on the server', async () => {
    windowOf(false);
    const api = seeded();
    renderWithApp(<HistoryPage />, { api });
    fireEvent.click(await screen.findByRole('tab', { name: 'Customers' }));
    const table = await screen.findByRole('table', { name: 'Customers' });
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(CUSTOMERS_PAGE + 1);
    expect(rows[1]!.textContent).toContain('Åse Berg');
    expect(rows[1]!.textContent).toContain('600.00');
    expect(rows[1]!.textContent).toContain('Nov 10, 2026');
    expect(rows[2]!.textContent).toContain('Kunde 1');
    // The runs and the audit log give way to the customers.
    expect(screen.queryByRole('table', { name: 'Audit log' })).toBeNull();
    expect(api.paymentCustomersQueries.at(-1)).toEqual({ overdue: false, sort: 'name', offset: 0, limit: CUSTOMERS_PAGE });

    fireEvent.click(within(screen.getByRole('navigation', { name: 'Customers' })).getByRole('button', { name: 'Next page' }));
    await waitFor(() => expect(within(screen.getByRole('table', { name: 'Customers' })).getAllByRole('row')).toHaveLength(2));
    expect(api.paymentCustomersQueries.at(-1)).toMatchObject({ offset: CUSTOMERS_PAGE });

    fireEvent.change(screen.getByRole('combobox', { name: 'Sort by' }), { target: { value: 'due' } });
    await waitFor(() => expect(api.paymentCustomersQueries.at(-1)).toEqual({ overdue: false, sort: 'due', offset: 0, limit: CUSTOMERS_PAGE }));

    // The list sorted by due date stays while the overdue one loads, marked busy until it is in.
    const region = screen.getByRole('table', { name: 'Customers' }).closest('[aria-busy]')!;
    expect(region.getAttribute('aria-busy')).toBe('false');
    fireEvent.click(screen.getByRole('switch', { name: 'Overdue only' }));
    expect(region.getAttribute('aria-busy')).toBe('true');
    await waitFor(() => expect(within(screen.getByRole('table', { name: 'Customers' })).getAllByRole('row')).toHaveLength(2));
    expect(screen.getByRole('table', { name: 'Customers' }).closest('[aria-busy]')!.getAttribute('aria-busy')).toBe('false');
    expect(api.paymentCustomersQueries.at(-1)).toEqual({ overdue: true, sort: 'due', offset: 0, limit: CUSTOMERS_PAGE });
  });

  it("opens a customer's invoices: status in words, what is owed, due date and a link into Business Central; overdue only when filtered", async () => {
    windowOf(false);
    const api = seeded();
    const opened: string[] = [];
    renderWithApp(<HistoryPage />, { api, openLink: (url) => opened.push(url) });
    fireEvent.click(await screen.findByRole('tab', { name: 'Customers' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Show the invoices of Åse Berg' }));
    const table = await screen.findByRole('table', { name: 'Invoices of Åse Berg' });
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((r) =>
        within(r)
          .getAllByRole('cell')
          .map((c) => c.textContent),
      );
    expect(rows.map((r) => [r[0], r[3], r[5]])).toEqual([
      ['S-INV-1', 'Overdue since Nov 10, 2026', 'Nov 10, 2026'],
      ['S-INV-2', 'Paid', 'Nov 5, 2026'],
      ['D-3', 'Draft', '–'],
    ]);
    expect(rows[0]![4]).toContain('500.00');
    expect(rows[2]![4]).toBe('–');
    fireEvent.click(within(table).getByRole('link', { name: 'Open invoice S-INV-1 in Business Central' }));
    expect(opened).toEqual(['https://businesscentral.dynamics.com/?invoice=1']);
    expect(api.paymentsQueries.at(-1)).toEqual({ customer: 'aase@example.dk', overdue: false, offset: 0, limit: 25 });

    fireEvent.click(screen.getByRole('button', { name: 'All customers' }));
    fireEvent.click(await screen.findByRole('switch', { name: 'Overdue only' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Show the invoices of Åse Berg' }));
    await waitFor(() => expect(within(screen.getByRole('table', { name: 'Invoices of Åse Berg' })).getAllByRole('row')).toHaveLength(2));
    expect(api.paymentsQueries.at(-1)).toMatchObject({ customer: 'aase@example.dk', overdue: true });
  });

  it('on a phone lists customers and invoices as cards, in Danish', async () => {
    windowOf(true);
    const api = seeded();
    renderWithApp(<HistoryPage />, { api, lang: 'da-DK' });
    fireEvent.click(await screen.findByRole('tab', { name: 'Kunder' }));
    const list = await screen.findByRole('list', { name: 'Kunder' });
    expect(screen.queryByRole('table', { name: 'Kunder' })).toBeNull();
    const first = within(list).getAllByRole('listitem')[0]!;
    expect(first.textContent).toContain('Åse Berg');
    expect(first.textContent).toContain('3 fakturaer, 1 forfaldne');
    expect(first.textContent).toContain('Ældste ubetalte forfaldsdato: 10. nov. 2026');
    fireEvent.click(within(first).getByRole('button', { name: 'Vis fakturaerne for Åse Berg' }));
    const invoices = await screen.findByRole('list', { name: 'Fakturaer for Åse Berg' });
    const cards = within(invoices).getAllByRole('listitem');
    expect(cards[0]!.textContent).toContain('Forfalden siden 10. nov. 2026');
    expect(cards[1]!.textContent).toContain('Betalt');
    expect(within(cards[0]!).getByRole('link', { name: /S-INV-1/ })).toBeTruthy();
  });
});
