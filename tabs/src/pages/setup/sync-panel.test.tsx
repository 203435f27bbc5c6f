/** @jest-environment jsdom */
import { fireEvent, screen } from '@testing-library/react';
import { RAW_DETAIL } from '../../../../service/invoicing/run/run-error-words';
import { SYNC_ERROR_WORDS } from '../../../../service/jobs/sync-error-words';
import { FakeApi, fakeSyncRun } from '../../http/testing/fake-api';
import { renderWithApp } from '../../testing/render-with-app';
import { SyncPanel } from './sync-panel';

describe('Setup: the sync panel', () => {
  it.each([
    ['en-US', 'en', 'Sync now', 'bc-company-missing'],
    ['da-DK', 'da', 'Synkroniser nu', 'graph-throttled'],
  ] as const)('in %s says why a sync failed in words, never the request', async (lang, language, button, kind) => {
    const api = new FakeApi([]);
    api.syncHistory = [];
    api.syncFailure = kind;
    const { container } = renderWithApp(<SyncPanel pollMs={5} />, { api, lang });
    fireEvent.click(await screen.findByRole('button', { name: button }));
    expect(await screen.findByText(SYNC_ERROR_WORDS[kind][language])).toBeTruthy();
    expect(container.textContent).not.toMatch(RAW_DETAIL);
  });

  it('follows a sync already running when Setup opens to its end, then offers Sync now again', async () => {
    const api = new FakeApi([]);
    api.syncHistory = [fakeSyncRun('sync-1', { state: 'running', phase: 'appointments', progress: { done: 2, total: 10 }, finishedAt: null })];
    api.syncPollsBeforeDone = 1;
    // Each poll answers when the test lets it: what the panel shows between two polls is seen for sure.
    const polls = [0, 1].map(() => {
      let answer = () => undefined as void;
      api.syncHolds.push(new Promise<void>((resolve) => (answer = resolve)));
      return () => answer();
    });
    renderWithApp(<SyncPanel pollMs={5} />, { api });
    expect(await screen.findByText('Syncing: 2 of 10')).toBeTruthy();
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Sync now' }).disabled).toBe(true);
    polls[0]!();
    expect(await screen.findByText('Syncing: 1 of 2')).toBeTruthy();
    polls[1]!();
    expect(await screen.findByText(/^Last sync: .* \(succeeded\)$/)).toBeTruthy();
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Sync now' }).disabled).toBe(false);
  });

  it('shows text an older server stored as the unknown kind, not raw', async () => {
    const api = new FakeApi([]);
    api.syncHistory = [];
    api.syncFailure = 'appointments: GET https://graph.microsoft.com/v1.0/solutions/bookingBusinesses/x failed: 500';
    const { container } = renderWithApp(<SyncPanel pollMs={5} />, { api });
    fireEvent.click(await screen.findByRole('button', { name: 'Sync now' }));
    expect(await screen.findByText(SYNC_ERROR_WORDS.unknown.en)).toBeTruthy();
    expect(container.textContent).not.toMatch(RAW_DETAIL);
  });
});
