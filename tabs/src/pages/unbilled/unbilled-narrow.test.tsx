/** @jest-environment jsdom */
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { NARROW_MEDIA } from '../../app/use-media-query';
import { FakeApi, fakeRow } from '../../http/testing/fake-api';
import { en } from '../../i18n/messages-en';
import { renderWithApp } from '../../testing/render-with-app';
import { UnbilledPage } from './unbilled-page';

/*
 * The narrow layout (a phone, a side panel, a tablet) in jsdom: the same page with a stacked list, a
 * sort menu and the filters in a drawer. Chromium checks the layout itself (tabs/e2e/layout.e2e.test.ts).
 */

class NoResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}

/** A window as narrow as a phone: the breakpoint's query matches, every other query does not. */
function narrowWindow(): void {
  Object.assign(window, {
    ResizeObserver: window.ResizeObserver ?? NoResizeObserver,
    matchMedia: (query: string) => ({
      matches: query === NARROW_MEDIA,
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

const IN_MODAL = { hidden: true } as const;

beforeAll(narrowWindow);

describe('Unbilled on a narrow screen', () => {
  it('stacks the rows in a list with a checkbox each, keeps selection and "select all matching", and no grid', async () => {
    const api = new FakeApi(Array.from({ length: 7 }, (_, i) => fakeRow(i)));
    renderWithApp(<UnbilledPage pageSize={3} />, { api });
    const list = await screen.findByRole('list', { name: en.gridLabel });
    expect(screen.queryByRole('grid')).toBeNull();
    const items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(3);
    expect(within(items[0]!).getByText('Kunde 0')).toBeTruthy();
    expect(within(items[0]!).getByText('DKK 450.00')).toBeTruthy();

    fireEvent.click(within(items[0]!).getByRole('checkbox', { name: /^Select Kunde 0,/ }));
    fireEvent.click(within(items[2]!).getByRole('checkbox', { name: /^Select Kunde 2,/ }));
    expect(screen.getByText(/Selected: 2 · DKK\s?900\.00/)).toBeTruthy();
    expect(screen.getByRole<HTMLInputElement>('checkbox', { name: en.selectPage }).indeterminate).toBe(true);

    fireEvent.click(screen.getByRole('checkbox', { name: en.selectPage }));
    expect(screen.getByText(/Selected: 3 · DKK\s?1,350\.00/)).toBeTruthy();
    fireEvent.click(await screen.findByRole('button', { name: en.selectAllMatching('7') }));
    expect(screen.getByText(en.allMatchingSelected('7'))).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: en.invoiceSelected }));
    await screen.findByRole('dialog', IN_MODAL);
    expect(api.previewed).toEqual([{ kind: 'filter' }]);
  });

  it('sorts with the sort menu, on the server, by each sortable column both ways, and pages', async () => {
    const api = new FakeApi(Array.from({ length: 7 }, (_, i) => fakeRow(i)));
    const links: string[] = [];
    renderWithApp(<UnbilledPage pageSize={3} onLinkChange={(q) => links.push(q)} />, { api });
    await screen.findByText('Kunde 0');
    const menu = screen.getByRole<HTMLSelectElement>('combobox', { name: en.sortLabel });
    expect(menu.selectedOptions[0]?.textContent).toBe(en.sortChoices.start.asc);
    for (const sort of ['customer', 'service', 'amount', 'duration', 'state', 'start'] as const) {
      for (const direction of ['desc', 'asc'] as const) {
        fireEvent.change(menu, { target: { value: `${sort}:${direction}` } });
        await waitFor(() => expect(api.unbilledQueries.at(-1)).toMatchObject({ sort, direction, offset: 0 }));
        expect(menu.selectedOptions[0]?.textContent).toBe(en.sortChoices[sort][direction]);
      }
    }
    fireEvent.change(menu, { target: { value: 'amount:desc' } });
    await waitFor(() => expect(links.at(-1)).toBe('?sort=amount&direction=desc'));

    fireEvent.click(screen.getByRole('button', { name: en.nextPage }));
    // By the first page's cursor, so the server seeks instead of walking past the rows before.
    await waitFor(() => expect(api.unbilledQueries.at(-1)).toMatchObject({ sort: 'amount', direction: 'desc', offset: 3, after: 'after-2' }));
  });

  it('ticks nothing while a new sort loads, as the grid', async () => {
    const api = new FakeApi(Array.from({ length: 7 }, (_, i) => fakeRow(i)));
    renderWithApp(<UnbilledPage pageSize={3} />, { api });
    await screen.findByText('Kunde 0');
    let release!: () => void;
    api.unbilledHold = new Promise((resolve) => (release = resolve));
    fireEvent.change(screen.getByRole('combobox', { name: en.sortLabel }), { target: { value: 'start:desc' } });
    await waitFor(() => expect(api.unbilledQueries.at(-1)).toMatchObject({ sort: 'start', direction: 'desc' }));
    const pageBox = screen.getByRole<HTMLInputElement>('checkbox', { name: en.selectPage });
    expect([pageBox, ...screen.getAllByRole<HTMLInputElement>('checkbox', { name: /^Select Kunde/ })].map((box) => box.disabled)).toEqual([
      true,
      true,
      true,
      true,
    ]);
    fireEvent.click(pageBox);
    expect(screen.queryByText(/^Selected:/)).toBeNull();

    await act(async () => release());
    await waitFor(() => expect(screen.getByRole<HTMLInputElement>('checkbox', { name: en.selectPage }).disabled).toBe(false));
    fireEvent.click(screen.getByRole('checkbox', { name: en.selectPage }));
    expect(screen.getByText(/^Selected: 3/)).toBeTruthy();
  });

  it('names a sort only a link can ask for in words, not as its code', async () => {
    renderWithApp(<UnbilledPage initialSort={{ sort: 'end', direction: 'desc' }} />, { api: new FakeApi([fakeRow(0)]) });
    await screen.findByText('Kunde 0');
    const menu = screen.getByRole<HTMLSelectElement>('combobox', { name: en.sortLabel });
    expect(menu.selectedOptions[0]?.textContent).toBe(en.sortChoices.end.desc);
  });

  it('folds the filters into a drawer whose button counts them; text typed just before closing still applies', async () => {
    const api = new FakeApi(Array.from({ length: 3 }, (_, i) => fakeRow(i)));
    renderWithApp(<UnbilledPage />, { api });
    await screen.findByText('Kunde 0');
    expect(screen.queryByRole('search')).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: en.filtersButton(null) }));
    const drawer = await screen.findByRole('dialog', IN_MODAL);
    fireEvent.change(within(drawer).getByLabelText(en.filterShow), { target: { value: 'unbilled' } });
    await waitFor(() => expect(api.unbilledQueries.at(-1)).toMatchObject({ state: 'unbilled' }));
    fireEvent.change(within(drawer).getByLabelText(en.filterCustomer), { target: { value: 'kunde1@example.dk' } });
    fireEvent.click(within(drawer).getByRole('button', { name: en.filtersDone, ...IN_MODAL }));

    await waitFor(() => expect(api.unbilledQueries.at(-1)).toMatchObject({ state: 'unbilled', customer: 'kunde1@example.dk' }));
    expect(await screen.findByRole('button', { name: en.filtersButton('2') })).toBeTruthy();
  });

  it("offers exclude in each row's action menu", async () => {
    const api = new FakeApi(Array.from({ length: 2 }, (_, i) => fakeRow(i)));
    renderWithApp(<UnbilledPage />, { api });
    await screen.findByText('Kunde 1');
    fireEvent.click(screen.getByRole('button', { name: /^Actions for Kunde 1,/ }));
    fireEvent.click(await screen.findByRole('menuitem', { name: en.exclude }));
    await waitFor(() => expect(api.excluded).toEqual(['appt-1']));
  });

  it('marks a row as a no-show from its menu, badges it, and offers the undo there', async () => {
    const api = new FakeApi([fakeRow(0), fakeRow(1)]);
    renderWithApp(<UnbilledPage />, { api });
    await screen.findByText('Kunde 1');
    fireEvent.click(screen.getByRole('button', { name: /^Actions for Kunde 1,/ }));
    fireEvent.click(await screen.findByRole('menuitem', { name: en.markNoShow }));
    await waitFor(() => expect(api.noShows).toEqual([{ id: 'appt-1', noShow: true }]));
    expect(await screen.findByText(/^Marked Kunde 1 · Klipning · .* as a no-show\.$/)).toBeTruthy();
    const item = screen.getByText('Kunde 1').closest('li') as HTMLElement;
    expect(await within(item).findByText(en.noShow)).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: /^Actions for Kunde 1,/ }));
    expect(screen.queryByRole('menuitem', { name: en.markNoShow })).toBeNull();
    fireEvent.click(await screen.findByRole('menuitem', { name: en.undoNoShow }));
    await waitFor(() => expect(api.noShows.at(-1)).toEqual({ id: 'appt-1', noShow: false }));
    await waitFor(() => expect(within(item).queryByText(en.noShow)).toBeNull());
  });
});
