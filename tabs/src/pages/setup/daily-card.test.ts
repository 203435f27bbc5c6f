import { fakeRow } from '../../http/testing/fake-api';
import { en } from '../../i18n/messages-en';
import { buildDailyCard } from './daily-card';

describe('the daily summary card preview', () => {
  it('names staff members from the catalog, and never shows an id for one it does not know', () => {
    const ctx = {
      language: 'en' as const,
      timeZone: 'Europe/Copenhagen',
      appId: null,
      webUrl: 'http://localhost/tab/unbilled',
      now: new Date('2026-11-25T08:00:00Z'),
    };
    const rows = [
      fakeRow(0, { start: '2026-11-24T09:00:00Z', end: '2026-11-24T10:00:00Z', staffMemberIds: ['b2c1f6a0-staff-guid'] }),
      fakeRow(1, { start: '2026-11-24T11:00:00Z', end: '2026-11-24T12:00:00Z', staffMemberIds: ['unknown-staff-guid'] }),
    ];
    const card = JSON.stringify(buildDailyCard(rows, en, { ...ctx, staffNames: new Map([['b2c1f6a0-staff-guid', 'Mette Hansen']]) }));
    expect(card).toContain('Mette Hansen');
    expect(card).not.toContain('staff-guid');
  });
});
