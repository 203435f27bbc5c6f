/** @jest-environment jsdom */
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { FakeApi, fakeRow } from '../../http/testing/fake-api';
import { ApiError } from '../../http/api-error';
import { renderWithApp } from '../../testing/render-with-app';
import { UnbilledPage } from './unbilled-page';
import { isSyncErrorKind, SYNC_ERROR_WORDS } from '../../../../service/jobs/sync-error-words';
import { RAW_DETAIL } from '../../../../service/invoicing/run/run-error-words';

// jsdom has no ResizeObserver; Fluent's MessageBar only observes its width to reflow its actions.
class NoResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}

beforeAll(() => {
  Object.assign(window, { ResizeObserver: window.ResizeObserver ?? NoResizeObserver });
});
afterEach(() => jest.useRealTimers());

/**
 * Role queries inside a Fluent modal dialog include aria-hidden nodes: without layout (jsdom), tabster
 * marks the open modal itself aria-hidden a moment after it opens, so whether a plain query finds it
 * depends on how fast the test gets there. Chromium's accessibility tree is checked by tabs/e2e.
 */
const IN_MODAL = { hidden: true } as const;

function rowCheckboxes(): HTMLElement[] {
  return screen.getAllByRole('checkbox', { name: /^Select Kunde/ });
}

describe('Unbilled page', () => {
  it('renders rows with a checkbox each, and refetches with the filter', async () => {
    const api = new FakeApi(Array.from({ length: 8 }, (_, i) => fakeRow(i)));
    renderWithApp(<UnbilledPage pageSize={5} />, { api });
    expect(await screen.findByText('Kunde 0')).toBeTruthy();
    expect(rowCheckboxes()).toHaveLength(5);
    expect(api.unbilledQueries[0]).toEqual({ state: 'invoiceable', sort: 'start', direction: 'asc', offset: 0, limit: 5 });

    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2026-11-01' } });
    await waitFor(() => expect(api.unbilledQueries.at(-1)).toMatchObject({ from: '2026-11-01', offset: 0 }));
    fireEvent.change(screen.getByLabelText('Show'), { target: { value: 'unbilled' } });
    await waitFor(() => expect(api.unbilledQueries.at(-1)).toMatchObject({ state: 'unbilled', from: '2026-11-01' }));
  });

  it('names staff members from the catalog, read once, instead of showing their ids', async () => {
    const api = new FakeApi([fakeRow(0, { staffMemberIds: ['staff-1', 'staff-3'] }), fakeRow(1, { staffMemberIds: ['staff-gone'] })]);
    renderWithApp(<UnbilledPage />, { api });
    expect(await screen.findByText('Mette Hansen, Anders Holm')).toBeTruthy();
    expect(screen.queryByText(/staff-1/)).toBeNull();
    // An id the catalog does not know (removed from Bookings since) is still shown.
    expect(within(screen.getByRole('grid')).getByText('staff-gone')).toBeTruthy();

    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2026-11-01' } });
    await waitFor(() => expect(api.unbilledQueries.at(-1)).toMatchObject({ from: '2026-11-01' }));
    expect(api.catalogCalls).toBe(1);
  });

  it('offers every catalog service and staff member in the filters, sorted by name in Danish order in either language', async () => {
    const optionTexts = (label: string) =>
      within(screen.getByLabelText(label))
        .getAllByRole('option')
        .map((o) => o.textContent);
    const english = renderWithApp(<UnbilledPage />, { api: new FakeApi([fakeRow(0)]) });
    await waitFor(() => expect(optionTexts('Staff')).toEqual(['Any', 'Anders Holm', 'Mette Hansen', 'Åse Berg']));
    expect(optionTexts('Service')).toEqual(['Any', 'Farvning', 'Klipning', 'Skægtrimning']);
    english.unmount();

    const api = new FakeApi([fakeRow(0)]);
    renderWithApp(<UnbilledPage />, { api, lang: 'da-DK' });
    await waitFor(() => expect(optionTexts('Medarbejder')).toEqual(['Alle', 'Anders Holm', 'Mette Hansen', 'Åse Berg']));
    fireEvent.change(screen.getByLabelText('Medarbejder'), { target: { value: 'staff-2' } });
    await waitFor(() => expect(api.unbilledQueries.at(-1)).toMatchObject({ staffMemberId: 'staff-2' }));
  });

  it('invoices three selected rows: preview, confirm, progress, result with invoice links', async () => {
    const api = new FakeApi(Array.from({ length: 6 }, (_, i) => fakeRow(i)));
    const opened: string[] = [];
    renderWithApp(<UnbilledPage pollMs={5} />, { api, openLink: (url) => opened.push(url) });
    await screen.findByText('Kunde 0');
    for (const box of rowCheckboxes().slice(0, 3)) fireEvent.click(box);
    expect(screen.getByText(/Selected: 3 · DKK\s?1,350\.00/)).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Invoice selected' }));
    const dialog = await screen.findByRole('dialog', IN_MODAL);
    await within(dialog).findByText('3 appointments → 3 invoices, 3 customers');
    expect(api.previewed).toEqual([{ kind: 'ids', appointmentIds: ['appt-0', 'appt-1', 'appt-2'] }]);
    expect(api.started).toEqual([]);

    fireEvent.click(within(dialog).getByRole('button', { name: 'Create invoices', ...IN_MODAL }));
    expect(await screen.findByText('Starting…')).toBeTruthy();
    expect(await screen.findByText('Done: 2 invoices created, 1 failed.')).toBeTruthy();
    expect(api.started).toEqual([{ kind: 'ids', appointmentIds: ['appt-0', 'appt-1', 'appt-2'] }]);

    // The closing dialog hides the rest of the page from the accessibility tree until it is gone: wait for the link to be reachable.
    const link = await screen.findByRole('link', { name: 'Open invoice S-INV103001 in Business Central' });
    expect(link.textContent).toBe('Invoice S-INV103001');
    fireEvent.click(link);
    expect(opened).toEqual(['https://businesscentral.dynamics.com/?page=43&invoice=0']);
    expect(screen.getByText(/Customer is blocked in Business Central/)).toBeTruthy();
    expect(await screen.findByRole('button', { name: 'Retry failed invoices' })).toBeTruthy();
  });

  it("offers the setup's after-create choice in the preview, warns before posting, and sends the invoicer's choice with the run", async () => {
    const api = new FakeApi(Array.from({ length: 3 }, (_, i) => fakeRow(i)));
    api.afterCreate = 'post';
    renderWithApp(<UnbilledPage pollMs={5} />, { api });
    await screen.findByText('Kunde 0');
    fireEvent.click(rowCheckboxes()[0]!);
    fireEvent.click(screen.getByRole('button', { name: 'Invoice selected' }));
    const dialog = await screen.findByRole('dialog', IN_MODAL);
    const choices = await within(dialog).findByRole('radiogroup', { name: 'After the drafts are checked', ...IN_MODAL });
    expect(within(choices).getByRole<HTMLInputElement>('radio', { name: 'Post them', ...IN_MODAL }).checked).toBe(true);
    expect(within(dialog).getByText(/Posting cannot be undone/)).toBeTruthy();
    fireEvent.click(within(choices).getByRole('radio', { name: 'Post them and email them to the customers', ...IN_MODAL }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create invoices', ...IN_MODAL }));
    expect(await screen.findByText(/^Done:/)).toBeTruthy();
    expect(api.startOptions).toEqual([{ afterCreate: 'send' }]);
  });

  it('shows the amount that will be invoiced, with an hourly rate and duration beside it, agreeing with the preview', async () => {
    const hourly = fakeRow(0, {
      priceType: 'hourly',
      durationMinutes: 35,
      price: { minor: 72_000, currency: 'DKK' },
      amount: { minor: 42_000, currency: 'DKK' },
    });
    const group = fakeRow(1, {
      customers: [fakeRow(1).customers[0]!, { customerId: 'c9', name: 'Kunde 9', email: 'k9@example.dk', timeZone: null }],
      amount: { minor: 90_000, currency: 'DKK' },
    });
    const api = new FakeApi([hourly, group]);
    renderWithApp(<UnbilledPage />, { api });
    const grid = await screen.findByRole('grid');
    const hourlyRow = within(grid).getByText('Kunde 0').closest('[role="row"]') as HTMLElement;
    expect(within(hourlyRow).getByText('DKK 420.00')).toBeTruthy();
    expect(within(hourlyRow).getByText('DKK 720.00 per hour × 35 min')).toBeTruthy();
    expect(within(hourlyRow).queryByText('DKK 720.00')).toBeNull();
    const groupRow = within(grid).getByText('Kunde 1, Kunde 9').closest('[role="row"]') as HTMLElement;
    expect(within(groupRow).getByText('DKK 900.00')).toBeTruthy();
    expect(within(groupRow).getByText('2 attendees × DKK 450.00')).toBeTruthy();

    for (const box of rowCheckboxes()) fireEvent.click(box);
    expect(screen.getByText(/Selected: 2 · DKK\s?1,320\.00/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Invoice selected' }));
    const dialog = await screen.findByRole('dialog', IN_MODAL);
    expect(await within(dialog).findByText(/Total: DKK\s?1,320\.00/)).toBeTruthy();
  });

  it('sorts on the server by each sortable column, both ways, and reports the sort for the link', async () => {
    const api = new FakeApi([fakeRow(0), fakeRow(1)]);
    const links: string[] = [];
    renderWithApp(<UnbilledPage initialSort={{ sort: 'customer', direction: 'desc' }} onLinkChange={(q) => links.push(q)} />, { api });
    await screen.findByText('Kunde 0');
    expect(api.unbilledQueries[0]).toMatchObject({ sort: 'customer', direction: 'desc' });
    expect(links.at(-1)).toBe('?sort=customer&direction=desc');
    const columns = [
      ['Customer', 'customer'],
      ['Service', 'service'],
      ['Start', 'start'],
      ['Duration', 'duration'],
      ['Amount', 'amount'],
      ['State', 'state'],
    ] as const;
    for (const [label, sort] of columns) {
      for (const direction of ['asc', 'desc'] as const) {
        const before = api.unbilledQueries.length;
        fireEvent.click(screen.getByRole('columnheader', { name: new RegExp(`^${label}`) }));
        await waitFor(() => expect(api.unbilledQueries.length).toBeGreaterThan(before));
        expect(api.unbilledQueries.at(-1)).toMatchObject({ sort, direction, offset: 0 });
        await screen.findByText('Kunde 0');
      }
    }
    expect(links.at(-1)).toBe('?sort=state&direction=desc');
  });

  it('clears the selection when a run has finished', async () => {
    const api = new FakeApi(Array.from({ length: 4 }, (_, i) => fakeRow(i)));
    renderWithApp(<UnbilledPage pollMs={5} />, { api });
    await screen.findByText('Kunde 0');
    for (const box of rowCheckboxes().slice(0, 2)) fireEvent.click(box);
    expect(screen.getByText(/Selected: 2/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Invoice selected' }));
    const dialog = await screen.findByRole('dialog', IN_MODAL);
    fireEvent.click(await within(dialog).findByRole('button', { name: 'Create invoices', ...IN_MODAL }));
    expect(await screen.findByText('Done: 1 invoices created, 1 failed.')).toBeTruthy();
    expect(await screen.findByText('Nothing selected')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Invoice selected' }).hasAttribute('disabled')).toBe(true);
  });

  it('names each appointment a stale preview skips, and why', async () => {
    const api = new FakeApi(Array.from({ length: 3 }, (_, i) => fakeRow(i)));
    renderWithApp(<UnbilledPage />, { api });
    await screen.findByText('Kunde 0');
    for (const box of rowCheckboxes().slice(0, 2)) fireEvent.click(box);
    // Meanwhile someone else invoiced one and excluded the other.
    api.rows = api.rows.map((r) =>
      r.id === 'appt-0'
        ? { ...r, state: 'invoiced' as const, reason: 'invoiced' as const, reasons: ['invoiced' as const] }
        : r.id === 'appt-1'
          ? { ...r, state: 'excluded' as const, reason: 'excluded' as const, reasons: ['excluded' as const] }
          : r,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Invoice selected' }));
    const dialog = await screen.findByRole('dialog', IN_MODAL);
    expect(await within(dialog).findByText(/^Nothing in the selection can be invoiced any more/)).toBeTruthy();
    expect(within(dialog).getByText(/^Kunde 0 · Klipning · Nov 2, 2026, 9:00\sAM: Already invoiced$/)).toBeTruthy();
    expect(within(dialog).getByText(/^Kunde 1 · Klipning · Nov 2, 2026, 10:00\sAM: Excluded$/)).toBeTruthy();
  });

  it('selects all matching the filter and sends the filter, not ids', async () => {
    const api = new FakeApi(Array.from({ length: 7 }, (_, i) => fakeRow(i)));
    renderWithApp(<UnbilledPage pageSize={3} />, { api });
    await screen.findByText('Kunde 0');
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2026-11-01' } });
    await waitFor(() => expect(api.unbilledQueries.at(-1)).toMatchObject({ from: '2026-11-01' }));
    // The filtered rows are in once the page can be ticked (until then the last rows show, untickable).
    await waitFor(() => expect(screen.getByRole<HTMLInputElement>('checkbox', { name: 'Select all rows on this page' }).disabled).toBe(false));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select all rows on this page' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Select all 7 matching the filter' }));
    expect(screen.getByText('All 7 appointments matching the filter are selected.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Invoice selected' }));
    await screen.findByRole('dialog', IN_MODAL);
    expect(api.previewed).toEqual([{ kind: 'filter', from: '2026-11-01' }]);
  });

  it("ticks nothing while the next page loads: the rows on screen are the last page's, not the one named", async () => {
    const api = new FakeApi(Array.from({ length: 7 }, (_, i) => fakeRow(i)));
    renderWithApp(<UnbilledPage pageSize={3} />, { api });
    await screen.findByText('Kunde 0');
    let release!: () => void;
    api.unbilledHold = new Promise((resolve) => (release = resolve));
    fireEvent.click(screen.getByRole('button', { name: 'Next page' }));
    await waitFor(() => expect(api.unbilledQueries.at(-1)).toMatchObject({ offset: 3 }));
    expect(screen.getByText('Page 2 of 3')).toBeTruthy();
    // Page 1's rows stay on screen, busy, until page 2 answers: neither they nor "the page" can be ticked.
    const pageBox = screen.getByRole<HTMLInputElement>('checkbox', { name: 'Select all rows on this page' });
    expect(pageBox.disabled).toBe(true);
    fireEvent.click(pageBox);
    fireEvent.click(rowCheckboxes()[0]!);
    fireEvent.click(screen.getByText('Kunde 1'));
    expect(screen.queryByText(/^Selected:/)).toBeNull();
    expect(rowCheckboxes().every((box) => (box as HTMLInputElement).disabled)).toBe(true);

    await act(async () => release());
    await screen.findByText('Kunde 3');
    expect(screen.getByRole<HTMLInputElement>('checkbox', { name: 'Select all rows on this page' }).disabled).toBe(false);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select all rows on this page' }));
    expect(screen.getByText(/Selected: 3 · DKK\s?1,350\.00/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Invoice selected' }));
    await screen.findByRole('dialog', IN_MODAL);
    expect(api.previewed).toEqual([{ kind: 'ids', appointmentIds: ['appt-3', 'appt-4', 'appt-5'] }]);
  });

  it('excludes an appointment, says so in a toast, and Undo brings it back', async () => {
    const api = new FakeApi(Array.from({ length: 3 }, (_, i) => fakeRow(i)));
    renderWithApp(<UnbilledPage />, { api });
    await screen.findByText('Kunde 1');
    const before = api.unbilledQueries.length;
    fireEvent.click(screen.getByRole('button', { name: /^Exclude Kunde 1,/ }));
    await waitFor(() => expect(screen.queryByText('Kunde 1')).toBeNull());
    expect(api.excluded).toEqual(['appt-1']);
    expect(api.unbilledQueries.length).toBeGreaterThan(before);
    expect(await screen.findByText(/^Excluded Kunde 1 · Klipning · Nov 2, 2026, 10:00\sAM\.$/)).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    expect(await screen.findByText('Kunde 1')).toBeTruthy();
    expect(api.included).toEqual(['appt-1']);
  });

  it('marks a row as a no-show from its menu with a badge and a toast whose Undo takes it back; rows still to end or cancelled offer no such menu', async () => {
    const api = new FakeApi([
      fakeRow(0, { reason: 'not-ended', reasons: ['not-ended'] }),
      fakeRow(1),
      fakeRow(2, { state: 'cancelled', reason: 'cancelled', reasons: ['cancelled'] }),
    ]);
    renderWithApp(<UnbilledPage />, { api });
    await waitFor(() => expect(api.unbilledQueries).toHaveLength(1));
    fireEvent.change(screen.getByLabelText('Show'), { target: { value: 'unbilled' } });
    expect(await screen.findByText('Kunde 0')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^More actions for Kunde 0,/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /^More actions for Kunde 2,/ })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: /^More actions for Kunde 1,/ }));
    fireEvent.click(await screen.findByRole('menuitem', { name: 'Mark as no-show' }));
    await waitFor(() => expect(api.noShows).toEqual([{ id: 'appt-1', noShow: true }]));
    expect(await screen.findByText(/^Marked Kunde 1 · Klipning · Nov 2, 2026, 10:00\sAM as a no-show\.$/)).toBeTruthy();
    const row = () => screen.getByText('Kunde 1').closest('[role="row"]') as HTMLElement;
    expect(await within(row()).findByText('No-show')).toBeTruthy();
    expect(within(screen.getByText('Kunde 0').closest('[role="row"]') as HTMLElement).queryByText('No-show')).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(api.noShows.at(-1)).toEqual({ id: 'appt-1', noShow: false }));
    await waitFor(() => expect(within(row()).queryByText('No-show')).toBeNull());
    expect(await screen.findByText(/^Kunde 1 · Klipning · .* is no longer a no-show\.$/)).toBeTruthy();
  });

  it('says in Danish what a refused no-show is, from the server, and offers the undo on a marked row', async () => {
    const api = new FakeApi([fakeRow(1, { noShow: true })]);
    api.noShowFailures.push(new ApiError('conflict', 'The appointment is invoiced already', 409));
    renderWithApp(<UnbilledPage />, { api, lang: 'da-DK' });
    expect(await within(await screen.findByText('Kunde 1').then((c) => c.closest('[role="row"]') as HTMLElement)).findByText('Udeblevet')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /^Flere handlinger for Kunde 1,/ }));
    fireEvent.click(await screen.findByRole('menuitem', { name: 'Fortryd udeblivelse' }));
    expect(await screen.findByText('The appointment is invoiced already')).toBeTruthy();
    expect(api.noShows).toEqual([{ id: 'appt-1', noShow: false }]);
  });

  it('fixes a missing price where the row is: the typed price makes it invoiceable; other reasons say what to do', async () => {
    const api = new FakeApi([
      fakeRow(0, { priceType: 'priceVaries', price: null, amount: null, reason: 'price-needed', reasons: ['price-needed'] }),
      fakeRow(1, { reason: 'customer-blocked', reasons: ['customer-blocked'] }),
    ]);
    renderWithApp(<UnbilledPage />, { api, lang: 'da-DK' });
    await waitFor(() => expect(api.unbilledQueries).toHaveLength(1));
    fireEvent.change(screen.getByLabelText('Vis'), { target: { value: 'not-invoiceable' } });
    expect(await screen.findByText('Skriv prisen, der skal faktureres, herunder.')).toBeTruthy();
    expect(screen.getByText(/^Fjern spærringen af debitoren i Business Central/)).toBeTruthy();

    const input = screen.getByRole('textbox', { name: /^Pris for Kunde 0 · / });
    fireEvent.change(input, { target: { value: '4.2x' } });
    fireEvent.click(screen.getByRole('button', { name: 'Gem pris' }));
    expect(await screen.findByText('Skriv et beløb som 450 eller 450,50')).toBeTruthy();
    expect(api.prices).toEqual([]);

    fireEvent.change(input, { target: { value: '1.250,50' } });
    fireEvent.click(screen.getByRole('button', { name: 'Gem pris' }));
    await waitFor(() => expect(screen.queryByText('Kunde 0')).toBeNull());
    expect(api.prices).toEqual([{ id: 'appt-0', price: { minor: 125_050, currency: 'DKK' } }]);
    expect(await screen.findByText(/^Prisen er gemt for Kunde 0/)).toBeTruthy();

    fireEvent.change(screen.getByLabelText('Vis'), { target: { value: 'invoiceable' } });
    expect(await screen.findByText('Kunde 0')).toBeTruthy();
    const row = screen.getByText('Kunde 0').closest('[role="row"]') as HTMLElement;
    expect(within(row).getByText(/^1\.250,50\skr\.$/)).toBeTruthy();
  });

  it('adds up what ticked rows bill now: a price typed after the tick counts in the summary, as in the preview', async () => {
    const api = new FakeApi([
      fakeRow(0, { priceType: 'priceVaries', price: null, amount: null, reason: 'price-needed', reasons: ['price-needed'] }),
      fakeRow(1),
    ]);
    renderWithApp(<UnbilledPage initialFilter={{ show: 'unbilled' }} />, { api });
    fireEvent.click(await screen.findByRole('checkbox', { name: /^Select Kunde 0/ }));
    fireEvent.click(screen.getByRole('checkbox', { name: /^Select Kunde 1/ }));
    expect(screen.getByText(/^Selected: 2 · DKK\s?450\.00$/)).toBeTruthy();

    fireEvent.change(screen.getByRole('textbox', { name: /^Price for Kunde 0/ }), { target: { value: '300' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save price' }));
    expect(await screen.findByText(/^Selected: 2 · DKK\s?750\.00$/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Invoice selected' }));
    const dialog = await screen.findByRole('dialog', IN_MODAL);
    expect(await within(dialog).findByText(/^Total: DKK\s?750\.00$/)).toBeTruthy();
  });

  it('filters blocked appointments by reason, to work through one kind of fix', async () => {
    const api = new FakeApi([
      fakeRow(0, { priceType: 'priceVaries', price: null, amount: null, reason: 'price-needed', reasons: ['price-needed'] }),
      fakeRow(1, { reason: 'customer-blocked', reasons: ['customer-blocked'] }),
    ]);
    renderWithApp(<UnbilledPage />, { api });
    await waitFor(() => expect(api.unbilledQueries).toHaveLength(1));
    expect(screen.queryByLabelText('Reason')).toBeNull();
    fireEvent.change(screen.getByLabelText('Show'), { target: { value: 'not-invoiceable' } });
    expect(await screen.findByText('Kunde 1')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Reason'), { target: { value: 'price-needed' } });
    await waitFor(() => expect(api.unbilledQueries.at(-1)).toMatchObject({ state: 'not-invoiceable', reason: 'price-needed' }));
    await waitFor(() => expect(screen.queryByText('Kunde 1')).toBeNull());
    expect(screen.getByText('Kunde 0')).toBeTruthy();
  });

  it('shows excluded appointments on request and includes one again from the tab', async () => {
    const api = new FakeApi([fakeRow(0), fakeRow(1, { state: 'excluded', reason: 'excluded', reasons: ['excluded'] })]);
    renderWithApp(<UnbilledPage />, { api });
    await screen.findByText('Kunde 0');
    expect(screen.queryByText('Kunde 1')).toBeNull();
    fireEvent.change(screen.getByLabelText('Show'), { target: { value: 'excluded' } });
    await waitFor(() => expect(api.unbilledQueries.at(-1)).toMatchObject({ state: 'excluded' }));
    expect(await screen.findByText('Kunde 1')).toBeTruthy();
    expect(screen.queryByText('Kunde 0')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: /^Include Kunde 1,/ }));
    await waitFor(() => expect(screen.queryByText('Kunde 1')).toBeNull());
    expect(api.included).toEqual(['appt-1']);
    expect(await screen.findByText(/^Included Kunde 1 · Klipning .* again\.$/)).toBeTruthy();
  });

  it('on a fresh install follows the first sync with its progress, then shows the rows it brought', async () => {
    // Polls on fake time (Testing Library's waits advance it): that no poll follows the end is then certain, not a matter of how long one slept.
    jest.useFakeTimers();
    const api = new FakeApi([]);
    api.syncHistory = [];
    api.syncPollsBeforeDone = 4;
    api.syncedRows = Array.from({ length: 6 }, (_, i) => fakeRow(i));
    api.beginSync();
    const syncRun = jest.spyOn(api, 'syncRun');
    renderWithApp(<UnbilledPage pollMs={20} />, { api });
    expect(await screen.findByText('Appointments appear here when the sync has finished.')).toBeTruthy();
    expect(await screen.findByText('Syncing with Bookings… 40% (appointments)')).toBeTruthy();
    expect(await screen.findByText('Kunde 5')).toBeTruthy();
    expect(screen.queryByText(/Syncing with Bookings/)).toBeNull();
    expect(api.unbilledQueries).toHaveLength(2);
    expect(api.catalogCalls).toBe(2);
    const polls = syncRun.mock.calls.length;
    await act(() => jest.advanceTimersByTimeAsync(60_000));
    expect(syncRun.mock.calls.length).toBe(polls);
  });

  it("shows the sync's progress in Danish", async () => {
    // On fake time, as above: on real time each 20 ms step could pass between two of findByText's looks (it failed so under CI's load).
    jest.useFakeTimers();
    const api = new FakeApi([]);
    api.syncPollsBeforeDone = 4;
    api.beginSync();
    renderWithApp(<UnbilledPage pollMs={20} />, { api, lang: 'da-DK' });
    expect(await screen.findByText(/^Synkroniserer med Bookings… 40\s%\s\(aftaler\)$/)).toBeTruthy();
  });

  it('stops asking for the sync when the page closes', async () => {
    jest.useFakeTimers();
    const api = new FakeApi([]);
    api.syncPollsBeforeDone = 1_000;
    api.beginSync();
    const syncRun = jest.spyOn(api, 'syncRun');
    const page = renderWithApp(<UnbilledPage pollMs={5} />, { api });
    await screen.findByText(/Syncing with Bookings… \d+%/);
    page.unmount();
    const polls = syncRun.mock.calls.length;
    await act(() => jest.advanceTimersByTimeAsync(60_000));
    expect(syncRun.mock.calls.length).toBe(polls);
  });

  it('says when Bookings has never been synced and syncs on request', async () => {
    const api = new FakeApi([]);
    api.syncHistory = [];
    api.syncedRows = [fakeRow(0), fakeRow(1)];
    renderWithApp(<UnbilledPage pollMs={5} />, { api });
    expect(await screen.findByText('No appointments yet: Bookings has not been synced.')).toBeTruthy();
    expect(screen.queryByText('No appointments match the filter.')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Sync now' }));
    expect(await screen.findByText('Kunde 1')).toBeTruthy();
    expect(api.syncStarts).toEqual(['sync-0']);
  });

  it.each([
    ['en-US', 'en', 'graph-unauthorised', 'The last sync with Bookings failed'],
    ['da-DK', 'da', 'bc-unreachable', 'Seneste synkronisering med Bookings fejlede'],
    [
      'en-US',
      'en',
      'appointments: GET https://graph.microsoft.com/v1.0/solutions/bookingBusinesses/x failed: 403 BKI-MOCWY3',
      'The last sync with Bookings failed',
    ],
  ] as const)("shows a failed sync's error in words (%s, %s), never the request, with a way to Setup", async (lang, language, stored, title) => {
    const api = new FakeApi([]);
    api.syncFailure = stored;
    api.beginSync();
    const opened: string[] = [];
    renderWithApp(<UnbilledPage pollMs={5} onOpenSetup={() => opened.push('setup')} />, { api, lang });
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText(title)).toBeTruthy();
    // A stored kind in the page's language; raw text from an older server as the unknown kind.
    expect(alert.textContent).toContain(SYNC_ERROR_WORDS[isSyncErrorKind(stored) ? stored : 'unknown'][language]);
    expect(alert.textContent).not.toMatch(RAW_DETAIL);
    fireEvent.click(within(alert).getByRole('button', { name: language === 'en' ? 'Open Setup' : 'Åbn Opsætning' }));
    expect(opened).toEqual(['setup']);
  });

  it("exports the current filter as CSV, every page of it, in the reader's language", async () => {
    URL.createObjectURL = jest.fn(() => 'blob:unbilled');
    URL.revokeObjectURL = jest.fn();
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    const api = new FakeApi(Array.from({ length: 8 }, (_, i) => fakeRow(i)));
    renderWithApp(<UnbilledPage pageSize={5} />, { api, lang: 'da-DK' });
    expect(await screen.findByText('Kunde 0')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Vis'), { target: { value: 'unbilled' } });
    await waitFor(() => expect(api.unbilledQueries.at(-1)).toMatchObject({ state: 'unbilled' }));
    fireEvent.click(screen.getByRole('button', { name: /^Eksportér .* som CSV$/ }));
    await waitFor(() => expect(click).toHaveBeenCalledTimes(1));
    expect(api.exports).toEqual([{ request: { kind: 'unbilled', query: api.unbilledQueries.at(-1) }, lang: 'da' }]);
    click.mockRestore();
  });

  it('shows an empty state when nothing matches', async () => {
    const api = new FakeApi([]);
    renderWithApp(<UnbilledPage />, { api });
    expect(await screen.findByText('No appointments match the filter.')).toBeTruthy();
  });
});
