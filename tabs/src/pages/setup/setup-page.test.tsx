/** @jest-environment jsdom */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { setupSchema } from '../../../../contract/api-contract';
import { ApiError } from '../../http/api-error';
import { FakeApi, fakeRow } from '../../http/testing/fake-api';
import { renderWithApp } from '../../testing/render-with-app';
import { SetupPage } from './setup-page';

// jsdom has no ResizeObserver; Fluent's Textarea only observes sizes, which a test does not need.
class NoResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}

beforeAll(() => {
  Object.assign(window, { ResizeObserver: window.ResizeObserver ?? NoResizeObserver });
});

const defaultSummary = () => setupSchema.parse({ businessId: 'salon@contoso.onmicrosoft.com' }).dailySummary;

describe('Setup page', () => {
  it('shows a field error from the server under that field', async () => {
    const api = new FakeApi([fakeRow(1)]);
    api.patchFailures.push(
      new ApiError('invalid_body', 'Invalid setup', 400, { 'dailySummary.timeZone': 'Not a time zone: use an IANA name such as Europe/Copenhagen' }),
    );
    renderWithApp(<SetupPage pollMs={5} />, { api });
    const interval = await screen.findByLabelText('Sync interval (minutes)');
    fireEvent.change(interval, { target: { value: '30' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    const message = await screen.findByText('Not a time zone: use an IANA name such as Europe/Copenhagen');
    expect(api.patches).toEqual([{ patch: { syncIntervalMinutes: 30 }, version: 3 }]);
    const input = screen.getByLabelText('Time zone');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toContain(message.id);
  });

  it('validates inline before saving', async () => {
    const api = new FakeApi([]);
    renderWithApp(<SetupPage />, { api });
    fireEvent.change(await screen.findByLabelText('Sync interval (minutes)'), { target: { value: '2' } });
    expect(await screen.findByText('Use a whole number of minutes from 5 to 1440')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Some fields need attention.')).toBeTruthy();
    expect(api.patches).toEqual([]);
  });

  it('says so when someone else saved first', async () => {
    const api = new FakeApi([]);
    api.patchFailures.push(new ApiError('conflict', 'The setup changed', 409, {}, 4));
    renderWithApp(<SetupPage />, { api });
    fireEvent.click(await screen.findByLabelText('Sync customers'));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText(/Someone else saved the setup/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Reload' })).toBeTruthy();
  });

  it('posts the daily summary to the conversations picked from where the app is installed', async () => {
    const api = new FakeApi([]);
    renderWithApp(<SetupPage />, { api });
    const booking = await screen.findByRole('checkbox', { name: 'Salon Ærø › Booking' });
    expect(screen.getByRole<HTMLInputElement>('radio', { name: 'Every conversation where the app is installed' }).checked).toBe(true);
    expect((booking as HTMLInputElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole('radio', { name: 'Only these:' }));
    const group = screen.getByRole('group', { name: 'Only these:' });
    fireEvent.click(within(group).getByRole('checkbox', { name: 'Personal chat with Anna Admin' }));
    fireEvent.click(within(group).getByRole('checkbox', { name: 'Salon Ærø › Booking' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Saved.');
    expect(api.patches).toEqual([{ patch: { dailySummary: { conversationIds: ['a:anna', '19:booking@thread.tacv2'] } }, version: 3 }]);
  });

  it('shows the automatic invoicing and overdue card options and saves a weekly schedule', async () => {
    const api = new FakeApi([]);
    renderWithApp(<SetupPage />, { api });
    const enabled = await screen.findByRole<HTMLInputElement>('checkbox', { name: 'Invoice automatically everything invoiceable up to yesterday' });
    expect(enabled.checked).toBe(false);
    expect(screen.getByRole<HTMLInputElement>('checkbox', { name: 'Post a weekly card of overdue invoices to the summary conversations' }).checked).toBe(true);
    fireEvent.click(enabled);
    fireEvent.change(screen.getByRole('combobox', { name: 'How often' }), { target: { value: 'weekly' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Day (weekly)' }), { target: { value: 'friday' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Saved.');
    expect(api.patches).toEqual([{ patch: { autoInvoice: { enabled: true, frequency: 'weekly', day: 'friday' } }, version: 3 }]);
  });

  it("saves 'all' when every conversation is chosen again", async () => {
    const api = new FakeApi([], { dailySummary: { ...defaultSummary(), conversationIds: ['19:team@thread.tacv2'] } });
    renderWithApp(<SetupPage />, { api, lang: 'da-DK' });
    expect((await screen.findByRole<HTMLInputElement>('checkbox', { name: 'Salon Ærø › General' })).checked).toBe(true);
    fireEvent.click(screen.getByRole('radio', { name: 'Alle samtaler, hvor appen er installeret' }));
    fireEvent.click(screen.getByRole('button', { name: 'Gem' }));
    await screen.findByText('Gemt.');
    expect(api.patches).toEqual([{ patch: { dailySummary: { conversationIds: 'all' } }, version: 3 }]);
  });

  it("shows each conversation's last summary post, and why it failed", async () => {
    const api = new FakeApi([]);
    api.conversationsState = [
      { id: 'a:anna', type: 'personal', name: 'Personal chat with Anna Admin', lastPost: { at: '2026-11-25T06:30:00.000Z', error: null } },
      {
        id: '19:team@thread.tacv2',
        type: 'channel',
        name: 'Salon Ærø › General',
        lastPost: { at: '2026-11-25T06:30:00.000Z', error: 'Error: Bot Framework answered 502' },
      },
      { id: '19:booking@thread.tacv2', type: 'channel', name: 'Salon Ærø › Booking', lastPost: null },
    ];
    renderWithApp(<SetupPage />, { api });
    // 06:30 UTC is 07:30 in Copenhagen, the business's time zone.
    expect(await screen.findByText(/^Last summary posted .*7:30/)).toBeTruthy();
    expect(screen.getByText(/^Last summary failed .*7:30.*tried again at the next check.*: Error: Bot Framework answered 502$/)).toBeTruthy();
    expect(screen.getAllByText(/^Last summary/)).toHaveLength(2);
  });

  it('says who is admin and how to change it, from /api/me', async () => {
    const api = new FakeApi([]);
    renderWithApp(<SetupPage />, { api });
    expect(await screen.findByText('You (Anna Admin, listed as u1) are an admin.')).toBeTruthy();
    expect(screen.getByText(/npm run cli -- setup set roles\.admins=<object id>/)).toBeTruthy();

    const reader = new FakeApi([]);
    reader.me = async () => ({ id: '0d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6/7a2d1c2f', name: 'Pat Partner', roles: ['reader'], mode: 'live' });
    renderWithApp(<SetupPage />, { api: reader, lang: 'da-DK' });
    expect(
      await screen.findByText(
        'Du (Pat Partner, opført som 0d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6/7a2d1c2f) er ikke administrator: bed en administrator tilføje dette id.',
      ),
    ).toBeTruthy();
  });

  it('says when the app is not installed anywhere yet', async () => {
    const api = new FakeApi([]);
    api.conversationsState = [];
    renderWithApp(<SetupPage />, { api });
    expect(await screen.findByText('The app is not installed in any chat or team yet.')).toBeTruthy();
  });

  it('renders the daily summary card with the adaptivecards library, tests connections and syncs', async () => {
    const api = new FakeApi([]);
    renderWithApp(<SetupPage pollMs={5} />, { api, lang: 'da-DK' });
    await waitFor(() => expect(screen.getByTestId('card-preview').querySelector('.ac-adaptiveCard')).not.toBeNull());
    // The server draws the card for the form's time zone, in the reader's language.
    expect(api.cardPreviewQueries).toEqual([{ timeZone: 'Europe/Copenhagen', language: 'da' }]);
    fireEvent.click(screen.getByRole('button', { name: 'Test forbindelse' }));
    expect(await screen.findByText(/Business Central: Forbundet/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Synkroniser nu' }));
    expect(await screen.findByText('4 tilføjet, 2 opdateret, 1 fjernet, 0 afvist')).toBeTruthy();
  });

  const COMPANY = '5d115c9c-44e3-ea11-bb43-000d3a2feca1';

  it("picks payment terms from Business Central's list by name and saves the record's id", async () => {
    const api = new FakeApi([], { companyId: COMPANY });
    renderWithApp(<SetupPage />, { api });
    const terms = await screen.findByRole('combobox', { name: 'Payment terms' });
    await waitFor(() => expect((terms as HTMLButtonElement).disabled).toBe(false));
    expect(terms.textContent).toBe("None: Business Central's template decides");
    expect(api.setupTablesQueries).toEqual([{ companyId: COMPANY }]);
    fireEvent.click(terms);
    fireEvent.click(await screen.findByRole('option', { name: '14 DAGE – Netto 14 dage' }));
    expect(terms.textContent).toBe('14 DAGE – Netto 14 dage');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Saved.');
    expect(api.patches).toEqual([{ patch: { customerTemplate: { paymentTermsId: '00000000-0000-4000-8000-000000000002' } }, version: 3 }]);
    expect(screen.getByRole('combobox', { name: 'Payment terms' }).textContent).toBe('14 DAGE – Netto 14 dage');
  });

  it('shows stored codes and ids by name, the local currency code as the local currency, in Danish too', async () => {
    const api = new FakeApi([], {
      companyId: COMPANY,
      customerTemplate: { type: 'Person', taxAreaId: '00000000-0000-4000-8000-000000000031', currencyCode: 'DKK' },
      itemTemplate: { type: 'Service', taxGroupCode: 'MOMS25', baseUnitOfMeasureCode: 'TIME', generalProductPostingGroupCode: 'YDELSER' },
    });
    renderWithApp(<SetupPage />, { api, lang: 'da-DK' });
    await waitFor(() => expect(screen.getByRole('combobox', { name: 'Momsgruppe' }).textContent).toBe('MOMS25 – Momspligtig, 25 %'));
    expect(screen.getByRole('combobox', { name: 'Skatteområde' }).textContent).toBe('INDENLANDSK – Indenlandske kunder');
    expect(screen.getByRole('combobox', { name: 'Basisenhed' }).textContent).toBe('TIME – Time');
    expect(screen.getByRole('combobox', { name: 'Produktbogføringsgruppe' }).textContent).toBe('YDELSER – Behandlinger og ydelser');
    expect(screen.getByRole('combobox', { name: 'Valuta' }).textContent).toBe('Lokal valuta (DKK)');
    expect(screen.getByRole('combobox', { name: 'Varekategori' }).textContent).toBe('Ingen: Business Centrals skabelon bestemmer');
  });

  it("keeps a stored value Business Central's list lacks as Unknown, with a warning, until another is picked", async () => {
    const gone = '11111111-2222-4333-8444-555555555555';
    const api = new FakeApi([], { companyId: COMPANY, customerTemplate: { type: 'Person', paymentMethodId: gone } });
    renderWithApp(<SetupPage />, { api });
    const method = await screen.findByRole('combobox', { name: 'Payment method' });
    await waitFor(() => expect(method.textContent).toBe(`Unknown (${gone})`));
    expect(screen.getByText('Business Central has no such record (any more): pick one from the list, or None.')).toBeTruthy();
    fireEvent.click(method);
    fireEvent.click(await screen.findByRole('option', { name: 'BANK – Bankoverførsel' }));
    expect(screen.queryByText(/has no such record/)).toBeNull();
  });

  it('asks for a company before its lists can be picked from, and says when they cannot be read', async () => {
    const api = new FakeApi([]);
    renderWithApp(<SetupPage />, { api });
    expect(await screen.findByText('Choose a Business Central company to pick from its lists.')).toBeTruthy();
    expect(screen.getByRole<HTMLButtonElement>('combobox', { name: 'Payment terms' }).disabled).toBe(true);
    expect(api.setupTablesQueries).toEqual([]);

    const failing = new FakeApi([], { companyId: COMPANY });
    failing.setupTables = async () => {
      throw new ApiError('internal', 'Business Central said 503: try again later.', 500);
    };
    renderWithApp(<SetupPage />, { api: failing });
    expect(await screen.findByText("Could not read Business Central's lists: Business Central said 503: try again later.")).toBeTruthy();
  });

  it('says under the business and company pickers when their lists cannot be read, and keeps what is saved', async () => {
    const api = new FakeApi([], { companyId: COMPANY });
    api.businesses = async () => {
      throw new ApiError('unavailable', 'Microsoft Graph did not answer: try again later.', 503);
    };
    api.companies = async () => {
      throw new ApiError('unavailable', 'Business Central did not answer: try again later.', 503);
    };
    renderWithApp(<SetupPage />, { api, lang: 'da-DK' });
    const business = await screen.findByRole<HTMLSelectElement>('combobox', { name: 'Bookings-virksomhed' });
    expect(
      await screen.findByText(
        'Kunne ikke læse virksomhederne i Bookings, så kun den gemte kan vælges, til Opsætning åbnes igen: Microsoft Graph did not answer: try again later.',
      ),
    ).toBeTruthy();
    expect(business.value).toBe('salon@contoso.onmicrosoft.com');
    expect(await screen.findByText(/^Kunne ikke læse regnskaberne i Business Central, så .*: Business Central did not answer/)).toBeTruthy();
    expect(screen.getByRole<HTMLInputElement>('textbox', { name: 'Business Central-regnskab' }).value).toBe(COMPANY);
  });

  it('takes the summary time as 24-hour text whatever the browser locale, and tidies what was typed', async () => {
    const api = new FakeApi([]);
    renderWithApp(<SetupPage />, { api });
    const time = await screen.findByLabelText<HTMLInputElement>('Time (24-hour)');
    expect(time.type).toBe('text');
    expect(time.value).toBe('07:30');
    fireEvent.change(time, { target: { value: '6.45' } });
    fireEvent.blur(time);
    expect(time.value).toBe('06:45');
    fireEvent.change(time, { target: { value: '6:45 PM' } });
    fireEvent.blur(time);
    expect(await screen.findByText('Use a 24-hour time such as 07:30')).toBeTruthy();
  });

  it('previews the card as Teams shows it: names with markdown characters, without the escaping backslashes', async () => {
    const api = new FakeApi([fakeRow(1, { serviceName: 'Klip & farve (lang) *ny*' })]);
    renderWithApp(<SetupPage />, { api });
    await waitFor(() => expect(screen.getByTestId('card-preview').textContent).toContain('Klip & farve (lang) *ny*'));
    expect(screen.getByTestId('card-preview').textContent).not.toContain('\\');
  });

  it("shows the server's card: staff and customers by name", async () => {
    const api = new FakeApi([fakeRow(1)]);
    renderWithApp(<SetupPage />, { api });
    await waitFor(() => expect(screen.getByTestId('card-preview').textContent).toContain('Kunde 1 · Klipning · Mette Hansen'));
    expect(screen.getByTestId('card-preview').textContent).not.toContain('staff-1');
    expect(screen.getByText('Yesterday’s appointments, as the bot will post them.')).toBeTruthy();
  });

  it('asks for the card again once the time zone has stopped changing, not at each key', async () => {
    const api = new FakeApi([]);
    renderWithApp(<SetupPage previewDelayMs={20} />, { api });
    await waitFor(() => expect(screen.getByTestId('card-preview').textContent).toContain('Daily summary (Europe/Copenhagen)'));
    const zone = screen.getByLabelText('Time zone');
    for (const typed of ['Europe/L', 'Europe/Lon', 'Europe/London']) fireEvent.change(zone, { target: { value: typed } });
    await waitFor(() => expect(screen.getByTestId('card-preview').textContent).toContain('Daily summary (Europe/London)'));
    expect(api.cardPreviewQueries).toEqual([
      { timeZone: 'Europe/Copenhagen', language: 'en' },
      { timeZone: 'Europe/London', language: 'en' },
    ]);
  });

  it('says in words why the card cannot be drawn, and shows no stale card', async () => {
    const api = new FakeApi([fakeRow(1)]);
    api.cardPreviewFailures.push(
      new ApiError('invalid_query', 'Invalid query string: timeZone: Not a time zone', 400, {
        timeZone: 'Not a time zone: use an IANA name such as Europe/Copenhagen',
      }),
    );
    renderWithApp(<SetupPage />, { api });
    expect(await screen.findByText('The card could not be drawn: Not a time zone: use an IANA name such as Europe/Copenhagen')).toBeTruthy();
    expect(screen.getByTestId('card-preview').textContent).toBe('');
  });
});
