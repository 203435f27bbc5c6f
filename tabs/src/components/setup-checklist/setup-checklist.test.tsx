/** @jest-environment jsdom */
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { FakeApi, fakeSyncRun } from '../../http/testing/fake-api';
import { renderWithApp } from '../../testing/render-with-app';
import { SetupChecklist } from './setup-checklist';

const COMPANY = '5d115c9c-44e3-ea11-bb43-000d3a2feca1';
const ADMIN = '11111111-1111-1111-1111-111111111111';

describe('the first-run setup checklist', () => {
  it('on a new install lists Bookings, Business Central and the roles as to do, and opens Setup', async () => {
    const api = new FakeApi([], { companyId: null });
    api.syncHistory = [];
    let opened = 0;
    renderWithApp(<SetupChecklist onOpenSetup={() => opened++} />, { api });
    const region = await screen.findByRole('region', { name: 'Finish setting up Bookings Invoicing' });
    const items = within(region).getAllByRole('listitem');
    expect(
      items.map((li) => [
        li.textContent?.slice(0, 40),
        within(li)
          .getByLabelText(/To do|Done/)
          .getAttribute('aria-label'),
      ]),
    ).toEqual([
      [expect.stringMatching(/^○Connect Microsoft Bookings/), 'To do'],
      [expect.stringMatching(/^○Choose the Business Central company/), 'To do'],
      [expect.stringMatching(/^○Name the admins and invoicers/), 'To do'],
    ]);
    fireEvent.click(within(region).getByRole('button', { name: 'Open Setup' }));
    expect(opened).toBe(1);
  });

  it('ticks what is done, in Danish too', async () => {
    const api = new FakeApi([], { companyId: COMPANY });
    api.syncHistory = [fakeSyncRun('sync-1', { state: 'failed' })];
    renderWithApp(<SetupChecklist onOpenSetup={() => undefined} />, { api, lang: 'da-DK' });
    const region = await screen.findByRole('region', { name: 'Gør opsætningen af Bookings-fakturering færdig' });
    expect(
      within(region)
        .getAllByRole('listitem')
        .map((li) =>
          within(li)
            .getByLabelText(/Udført|Mangler/)
            .getAttribute('aria-label'),
        ),
    ).toEqual(['Mangler', 'Udført', 'Mangler']);
  });

  it('is not shown once Bookings has synced, a company is chosen and an admin is named', async () => {
    const api = new FakeApi([], { companyId: COMPANY, roles: { admins: [ADMIN], invoicers: [], unmatched: [] } });
    api.syncHistory = [fakeSyncRun('sync-1', { state: 'succeeded' })];
    let answered = 0;
    const syncRuns = api.syncRuns.bind(api);
    api.syncRuns = async (limit) => {
      const runs = await syncRuns(limit);
      answered++;
      return runs;
    };
    renderWithApp(<SetupChecklist onOpenSetup={() => undefined} />, { api });
    await waitFor(() => expect(answered).toBe(1));
    // Both answers are in: let React apply what the component made of them.
    await act(() => Promise.resolve());
    expect(screen.queryByRole('region')).toBeNull();
  });
});
