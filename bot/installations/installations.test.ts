import { describeEachStore } from '../../service/store/testing/test-stores';
import { ConversationStore } from './conversation-store';
import { handleInstallation } from './installation-event';
import { summaryTargets } from './summary-targets';

const record = (id: string, teamId: string | null = null) => ({
  id,
  tenantId: 't',
  serviceUrl: 'https://smba.trafficmanager.net/emea/',
  conversationType: teamId ? 'channel' : 'personal',
  reference: JSON.stringify({ conversation: { id } }),
  teamId,
  channelId: teamId ? id : null,
});

describeEachStore('bot installations', (getStore) => {
  it('stores a conversation on install, refreshes it, and removes it with its cards on uninstall', async () => {
    const db = getStore().db;
    const store = new ConversationStore(db);
    await handleInstallation(store, { kind: 'installed', conversation: { ...record('a:anna'), installedBy: 'anna-oid' } });
    await store.upsert({ ...record('a:anna'), serviceUrl: 'https://smba.trafficmanager.net/amer/' });
    expect(await store.get('a:anna')).toMatchObject({ installedBy: 'anna-oid', serviceUrl: 'https://smba.trafficmanager.net/amer/' });
    await db
      .insertInto('posted_cards')
      .values({ id: 'p1', conversation_id: 'a:anna', activity_id: 'x', kind: 'dailySummary', period_key: 'k', run_id: null, payload: '{}', created_at: 'n', updated_at: 'n' })
      .execute();
    await handleInstallation(store, { kind: 'uninstalled', conversationId: 'a:anna', teamId: null });
    expect(await store.get('a:anna')).toBeUndefined();
    expect(await db.selectFrom('posted_cards').selectAll().execute()).toEqual([]);
  });

  it('a team uninstall removes every conversation of the team', async () => {
    const store = new ConversationStore(getStore().db);
    await store.upsert(record('19:general@thread', '19:general@thread'));
    await store.upsert(record('a:bo'));
    await handleInstallation(store, { kind: 'uninstalled', conversationId: '19:general@thread', teamId: '19:general@thread' });
    expect((await store.all()).map((c) => c.id)).toEqual(['a:bo']);
  });
});

describe('summary targets', () => {
  const all = [
    { ...record('a:anna'), installedBy: null },
    { ...record('19:general@thread', '19:team'), installedBy: null },
  ];
  it('are every installed conversation, or those the setup lists by conversation, channel or team id', () => {
    expect(summaryTargets(all, 'all').map((c) => c.id)).toEqual(['a:anna', '19:general@thread']);
    expect(summaryTargets(all, ['19:team']).map((c) => c.id)).toEqual(['19:general@thread']);
    expect(summaryTargets(all, ['a:anna', 'a:unknown']).map((c) => c.id)).toEqual(['a:anna']);
  });
});
