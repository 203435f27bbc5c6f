/** @jest-environment jsdom */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { FakeApi, fakeRow } from '../../http/testing/fake-api';
import { renderWithApp } from '../../testing/render-with-app';
import { UnbilledPage } from './unbilled-page';

/* Linking what blocks a row, from the row: a service to an item, a customer to a customer; a blocked customer named. */

class NoResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}

beforeAll(() => {
  Object.assign(window, { ResizeObserver: window.ResizeObserver ?? NoResizeObserver });
});

/** See unbilled-page.test.tsx: without layout, Fluent's modal may be marked aria-hidden. */
const IN_MODAL = { hidden: true } as const;

const notLinked = (i: number) => fakeRow(i, { reason: 'service-not-linked', reasons: ['service-not-linked'] });

async function showBlocked(api: FakeApi, label = 'Show', value = 'not-invoiceable') {
  await waitFor(() => expect(api.unbilledQueries).toHaveLength(1));
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

describe('fixing links where the row is', () => {
  it("links a row's service to the same-named Business Central item the sync would not take, and every row of it becomes invoiceable", async () => {
    const api = new FakeApi([
      notLinked(0),
      notLinked(1),
      fakeRow(2, { serviceId: 'svc-colour', serviceName: 'Farvning', ...{ reason: 'service-not-linked', reasons: ['service-not-linked'] } }),
    ]);
    renderWithApp(<UnbilledPage />, { api });
    await showBlocked(api);
    const buttons = await screen.findAllByRole('button', { name: 'Link Klipning to an item…' });
    expect(buttons).toHaveLength(2);
    fireEvent.click(buttons[0]!);

    const dialog = await screen.findByRole('dialog', IN_MODAL);
    expect(
      await within(dialog).findByText('Business Central already has an item named “Klipning” (number 1000). Link to it, or create a new item.'),
    ).toBeTruthy();
    // Name and number, never the record's id.
    expect(within(dialog).getByText('1000 · Klipning')).toBeTruthy();
    expect(within(dialog).queryByText(/item-guid/)).toBeNull();
    const link = within(dialog).getByRole<HTMLButtonElement>('button', { name: 'Link', ...IN_MODAL });
    expect(link.disabled).toBe(true);
    fireEvent.click(within(dialog).getByRole('radio', { name: /1000 · Klipning/, ...IN_MODAL }));
    fireEvent.click(link);

    expect(await screen.findByText('Klipning is linked to item 1000 Klipning.')).toBeTruthy();
    expect(api.serviceLinks).toEqual([{ id: 'svc-cut', choice: { kind: 'existing', id: 'item-guid-1000' } }]);
    // Reloaded: only Farvning's row still waits for its item.
    await waitFor(() => expect(screen.queryAllByRole('button', { name: 'Link Klipning to an item…' })).toHaveLength(0));
    expect(screen.getByRole('button', { name: 'Link Farvning to an item…' })).toBeTruthy();
  });

  it('searches the items and can create a new one from the template instead', async () => {
    const api = new FakeApi([notLinked(0)]);
    renderWithApp(<UnbilledPage />, { api });
    await showBlocked(api);
    fireEvent.click(await screen.findByRole('button', { name: 'Link Klipning to an item…' }));
    const dialog = await screen.findByRole('dialog', IN_MODAL);
    fireEvent.change(within(dialog).getByRole('searchbox', IN_MODAL), { target: { value: 'massage' } });
    await waitFor(() => expect(api.linkSearches.at(-1)).toBe('massage'));
    await waitFor(() => expect(within(dialog).queryByText('1000 · Klipning')).toBeNull());
    expect(within(dialog).getByText('1001 · Massage 30 min')).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('radio', { name: 'Create a new item “Klipning” from the item template', ...IN_MODAL }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Link', ...IN_MODAL }));
    expect(await screen.findByText('Klipning is linked to item 1100 Klipning.')).toBeTruthy();
    expect(api.serviceLinks).toEqual([{ id: 'svc-cut', choice: { kind: 'create' } }]);
  });

  it('links an attendee without an email to a Business Central customer, in Danish', async () => {
    const walkIn = fakeRow(0, {
      customers: [{ customerId: 'c-walk', name: 'Walk-in kunde', email: '', timeZone: null }],
      reason: 'customer-without-email',
      reasons: ['customer-without-email'],
    });
    const api = new FakeApi([walkIn]);
    renderWithApp(<UnbilledPage />, { api, lang: 'da-DK' });
    await showBlocked(api, 'Vis');
    expect(
      await screen.findByText('Knyt kunden til en debitor i Business Central herunder, eller giv kunden en e-mail i Bookings, og synkronisér.'),
    ).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Knyt Walk-in kunde til en debitor…' }));
    const dialog = await screen.findByRole('dialog', IN_MODAL);
    expect(await within(dialog).findByText('10000 · Søren Østergård')).toBeTruthy();
    expect(within(dialog).getByText('soeren@example.dk')).toBeTruthy();
    expect(within(dialog).getByText('spærret')).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('radio', { name: /10000 · Søren Østergård/, ...IN_MODAL }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Knyt', ...IN_MODAL }));
    expect(await screen.findByText('Walk-in kunde er knyttet til debitor 10000 Søren Østergård.')).toBeTruthy();
    expect(api.customerLinks).toEqual([{ id: 'c-walk', choice: { kind: 'existing', id: 'cust-guid-10000' } }]);
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Knyt Walk-in kunde til en debitor…' })).toBeNull());
  });

  it('links an appointment without a customer to the Business Central customer to invoice, or to a new one by the name typed', async () => {
    const nobody = fakeRow(0, { customers: [], reason: 'no-customer', reasons: ['no-customer'] });
    const api = new FakeApi([nobody, fakeRow(1, { customers: [], reason: 'no-customer', reasons: ['no-customer'] })]);
    renderWithApp(<UnbilledPage />, { api });
    await showBlocked(api);
    expect(
      (await screen.findAllByText('Add the customer to the appointment in Bookings, then sync; or link the Business Central customer to invoice below.'))
        .length,
    ).toBeGreaterThan(0);
    const buttons = await screen.findAllByRole('button', { name: 'Link customer…' });
    expect(buttons).toHaveLength(2);
    fireEvent.click(buttons[0]!);
    const dialog = await screen.findByRole('dialog', IN_MODAL);
    expect(within(dialog).getByText('Choose the Business Central customer to invoice this Klipning to')).toBeTruthy();
    expect(await within(dialog).findByText('10000 · Søren Østergård')).toBeTruthy();
    // Nobody to name a new customer after until a name is typed.
    expect(within(dialog).queryByRole('radio', { name: /Create a new customer/, ...IN_MODAL })).toBeNull();
    fireEvent.click(within(dialog).getByRole('radio', { name: /10000 · Søren Østergård/, ...IN_MODAL }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Link', ...IN_MODAL }));
    expect(await screen.findByText('Klipning will be invoiced to customer 10000 Søren Østergård.')).toBeTruthy();
    expect(api.appointmentCustomers).toEqual([{ id: 'appt-0', choice: { kind: 'existing', id: 'cust-guid-10000' } }]);
    await waitFor(() => expect(screen.queryAllByRole('button', { name: 'Link customer…' })).toHaveLength(1));

    fireEvent.click(screen.getByRole('button', { name: 'Link customer…' }));
    const second = await screen.findByRole('dialog', IN_MODAL);
    fireEvent.change(within(second).getByRole('searchbox', IN_MODAL), { target: { value: 'Firma A/S' } });
    fireEvent.click(await within(second).findByRole('radio', { name: 'Create a new customer “Firma A/S” from the customer template', ...IN_MODAL }));
    fireEvent.click(within(second).getByRole('button', { name: 'Link', ...IN_MODAL }));
    await waitFor(() => expect(api.appointmentCustomers.at(-1)).toEqual({ id: 'appt-1', choice: { kind: 'create', name: 'Firma A/S' } }));
  });

  it("says a blocked customer's Business Central number, in English and Danish", async () => {
    const blocked = fakeRow(0, {
      customers: [{ customerId: 'c-bent', name: 'Bent Ravn', email: 'bent@example.dk', timeZone: null, businessCentral: { number: '10000', blocked: true } }],
      reason: 'customer-blocked',
      reasons: ['customer-blocked'],
    });
    const api = new FakeApi([blocked]);
    const { unmount } = renderWithApp(<UnbilledPage />, { api });
    await showBlocked(api);
    expect(await screen.findByText('Customer 10000 is blocked in Business Central. Unblock them there, then sync.')).toBeTruthy();
    unmount();
    const da = new FakeApi([blocked]);
    renderWithApp(<UnbilledPage />, { api: da, lang: 'da-DK' });
    await showBlocked(da, 'Vis');
    expect(await screen.findByText('Debitor 10000 er spærret i Business Central. Fjern spærringen der, og synkronisér.')).toBeTruthy();
  });

  it('offers no link to someone who is not an admin', async () => {
    const api = new FakeApi([notLinked(0)]);
    api.me = async () => ({ id: 'r1', name: 'Rita Reader', roles: ['reader'], mode: 'sandbox' });
    renderWithApp(<UnbilledPage />, { api });
    await showBlocked(api);
    expect(await screen.findByText('Link the service to an item in Business Central below, or let the sync create it (Setup).')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^Link Klipning/ })).toBeNull();
  });
});
