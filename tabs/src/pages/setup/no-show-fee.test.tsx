/** @jest-environment jsdom */
/// <reference types="node" />
import { TextEncoder } from 'node:util';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { FakeApi } from '../../http/testing/fake-api';
import { renderWithApp } from '../../testing/render-with-app';
import { SetupPage } from './setup-page';

/* The Setup page's "No-show and late cancellation fees": off by default, a Service item picked by "CODE – Name", a rule, a window, per-service items by name. */

class NoResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}

beforeAll(() => {
  Object.assign(window, { ResizeObserver: window.ResizeObserver ?? NoResizeObserver });
  Object.assign(globalThis, { TextEncoder: globalThis.TextEncoder ?? TextEncoder });
});

const COMPANY = '5d115c9c-44e3-ea11-bb43-000d3a2feca1';
const FEE = '00000000-0000-4000-8000-000000000091';
const LATE_FEE = '00000000-0000-4000-8000-000000000092';

const select = (name: string | RegExp) => screen.getByRole<HTMLSelectElement>('combobox', { name });

describe('Setup page: no-show and late cancellation fees', () => {
  it('is off by default; turned on it needs a fee item, takes a fixed amount as a decimal and saves it in minor units with the window and per-service items', async () => {
    const api = new FakeApi([], { companyId: COMPANY });
    renderWithApp(<SetupPage />, { api });
    const on = await screen.findByRole('checkbox', { name: 'Charge a fee for no-shows and late cancellations' });
    expect((on as HTMLInputElement).checked).toBe(false);
    expect(screen.queryByRole('combobox', { name: 'Fee item' })).toBeNull();

    fireEvent.click(on);
    await waitFor(() => expect(select('Fee item').disabled).toBe(false));
    expect([...select('Fee item').options].map((o) => o.text)).toEqual(['Choose an item', 'GEBYR – Udeblivelsesgebyr', 'GEBYR-SEN – Gebyr for sen afbud']);
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Choose the fee item (an item of type Service in Business Central), or one for a service below.')).toBeTruthy();
    expect(api.patches).toEqual([]);

    fireEvent.change(select('Fee item'), { target: { value: FEE } });
    fireEvent.change(select('Fee'), { target: { value: 'fixed' } });
    const amount = await screen.findByRole('textbox', { name: 'Amount (DKK)' });
    fireEvent.change(amount, { target: { value: '150,505' } });
    expect(await screen.findByText('Enter an amount in DKK of 0 or more, such as 150 or 150.50.')).toBeTruthy();
    fireEvent.change(amount, { target: { value: '150,50' } });
    fireEvent.change(screen.getByRole('spinbutton', { name: 'Late cancellation window (hours before the start; 0: none)' }), { target: { value: '24' } });
    // Bookings services by name; one gets its own fee item.
    fireEvent.change(select('Fee item for Farvning'), { target: { value: LATE_FEE } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Saved.')).toBeTruthy();
    expect(api.patches).toEqual([
      {
        patch: {
          noShowFee: {
            itemId: FEE,
            perService: { 'svc-colour': LATE_FEE },
            rule: { kind: 'fixed', amountMinor: 15050, percent: null },
            lateCancellationHours: 24,
          },
        },
        version: 3,
      },
    ]);
    expect(api.setupState.setup.noShowFee).toEqual({
      itemId: FEE,
      perService: { 'svc-colour': LATE_FEE },
      rule: { kind: 'fixed', amountMinor: 15050 },
      lateCancellationHours: 24,
    });
    expect(screen.getByRole<HTMLInputElement>('textbox', { name: 'Amount (DKK)' }).value).toBe('150.50');
  });

  it('shows a stored fee in Danish, says a bad percentage in words, and turned off clears the fee items', async () => {
    const api = new FakeApi([], {
      companyId: COMPANY,
      noShowFee: { itemId: FEE, perService: { 'svc-cut': LATE_FEE }, rule: { kind: 'percent', percent: 50 }, lateCancellationHours: 12 },
    });
    renderWithApp(<SetupPage />, { api, lang: 'da-DK' });
    const on = await screen.findByRole('checkbox', { name: 'Opkræv gebyr for udeblivelse og sen aflysning' });
    expect((on as HTMLInputElement).checked).toBe(true);
    await waitFor(() => expect(select('Gebyrvare').value).toBe(FEE));
    expect(select('Gebyrvare for Klipning').value).toBe(LATE_FEE);
    expect(select('Gebyrvare for Farvning').value).toBe('');
    const percent = screen.getByRole('spinbutton', { name: 'Procent af ydelsens pris' });
    expect((percent as HTMLInputElement).value).toBe('50');
    fireEvent.change(percent, { target: { value: '150' } });
    expect(await screen.findByText('Angiv en hel procentsats fra 0 til 100.')).toBeTruthy();
    fireEvent.change(percent, { target: { value: '40' } });

    fireEvent.click(on);
    expect(screen.queryByRole('combobox', { name: 'Gebyrvare' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Gem' }));
    await waitFor(() => expect(api.patches).toHaveLength(1));
    expect(api.patches[0]!.patch).toEqual({ noShowFee: { itemId: null, perService: null, rule: { percent: 40 } } });
    expect(api.setupState.setup.noShowFee).toEqual({ itemId: null, perService: {}, rule: { kind: 'percent', percent: 40 }, lateCancellationHours: 12 });
  });
});
