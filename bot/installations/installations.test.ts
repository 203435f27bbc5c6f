import { fixedClock } from '../../service/domain/clock';
import { describeEachStore } from '../../service/store/testing/test-stores';
import { DEFAULT_TEST_NOW } from '../../service/testing/test-dates';
import { ConversationStore } from '../../service/conversations';
import { handleInstallation } from './installation-event';
import { summaryTargets } from './summary-targets';

const clock = fixedClock(DEFAULT_TEST_NOW);

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
    const store = new ConversationStore(db, clock);
    await handleInstallation(store, { kind: 'installed', conversation: { ...record('a:anna'), installedBy: 'anna-oid' } });
    await store.upsert({ ...record('a:anna'), serviceUrl: 'https://smba.trafficmanager.net/amer/' });
    expect(await store.get('a:anna')).toMatchObject({ installedBy: 'anna-oid', serviceUrl: 'https://smba.trafficmanager.net/amer/' });
    await db
      .insertInto('posted_cards')
      .values({
        id: 'p1',
        conversation_id: 'a:anna',
        activity_id: 'x',
        kind: 'dailySummary',
        period_key: 'k',
        run_id: null,
        payload: '{}',
        created_at: 'n',
        updated_at: 'n',
      })
      .execute();
    await handleInstallation(store, { kind: 'uninstalled', conversationId: 'a:anna', teamId: null });
    expect(await store.get('a:anna')).toBeUndefined();
    expect(await db.selectFrom('posted_cards').selectAll().execute()).toEqual([]);
  });

  it('a team uninstall removes every conversation of the team', async () => {
    const store = new ConversationStore(getStore().db, clock);
    await store.upsert(record('19:general@thread', '19:general@thread'));
    await store.upsert(record('a:bo'));
    await handleInstallation(store, { kind: 'uninstalled', conversationId: '19:general@thread', teamId: '19:general@thread' });
    expect((await store.all()).map((c) => c.id)).toEqual(['a:bo']);
  });
});

describeEachStore('team installations', (getStore) => {
  const teamId = '19:team@thread.tacv2';
  const install = {
    id: teamId,
    tenantId: 't',
    serviceUrl: 'https://smba.trafficmanager.net/emea/',
    conversationType: 'channel',
    reference: JSON.stringify({
      bot: { id: 'b' },
      conversation: { id: teamId, tenantId: 't' },
      serviceUrl: 'https://smba.trafficmanager.net/emea/',
      locale: 'da-DK',
    }),
    teamId,
    channelId: teamId,
    installedBy: 'anna-oid',
  };
  const channels = [
    { id: teamId, name: null },
    { id: '19:booking@thread.tacv2', name: 'Booking' },
  ];

  it('a team install stores the team and one conversation per channel, each posting into its channel', async () => {
    const store = new ConversationStore(getStore().db, clock);
    await handleInstallation(store, { kind: 'installed', conversation: install, team: { name: 'Klinik Ø', channels } });
    const stored = await store.all();
    expect(stored.map((c) => [c.id, c.conversationType, c.teamId, c.channelId, c.name]).sort()).toEqual([
      ['19:booking@thread.tacv2', 'channel', teamId, '19:booking@thread.tacv2', 'Klinik Ø › Booking'],
      [teamId, 'channel', teamId, teamId, 'Klinik Ø › General'],
    ]);
    const booking = await store.get('19:booking@thread.tacv2');
    expect(JSON.parse(booking?.reference ?? '{}')).toEqual({
      bot: { id: 'b' },
      conversation: { id: '19:booking@thread.tacv2', tenantId: 't', conversationType: 'channel', isGroup: true },
      serviceUrl: 'https://smba.trafficmanager.net/emea/',
      locale: 'da-DK',
    });
    expect(booking?.serviceUrl).toBe(install.serviceUrl);
    expect((await store.get(teamId))?.installedBy).toBe('anna-oid');
  });

  it('a renamed, created or deleted channel updates the rows; removing the app from the team removes them all', async () => {
    const store = new ConversationStore(getStore().db, clock);
    await handleInstallation(store, { kind: 'installed', conversation: install, team: { name: 'Klinik', channels } });
    await store.upsert({ ...install, id: '19:booking@thread.tacv2;messageid=1', channelId: '19:booking@thread.tacv2' });
    await store.upsert({ ...record('a:bo'), name: 'Bo' });
    const { installedBy: _, ...update } = install;
    await handleInstallation(store, {
      kind: 'teamChanged',
      conversation: update,
      team: {
        name: 'Klinik',
        channels: [
          { id: teamId, name: null },
          { id: '19:new@thread.tacv2', name: 'Nyt' },
        ],
      },
    });
    expect((await store.all()).map((c) => `${c.id}=${c.name ?? ''}`).sort()).toEqual([
      '19:new@thread.tacv2=Klinik › Nyt',
      `${teamId}=Klinik › General`,
      'a:bo=Bo',
    ]);
    expect((await store.get(teamId))?.installedBy).toBe('anna-oid');

    await handleInstallation(store, { kind: 'teamChanged', conversation: update, team: { name: 'Klinik', channels: [] } });
    expect(await store.ofTeam(teamId)).toHaveLength(2);

    await handleInstallation(store, { kind: 'uninstalled', conversationId: teamId, teamId });
    expect((await store.all()).map((c) => c.id)).toEqual(['a:bo']);
  });
});

describe('summary targets', () => {
  const all = [
    { ...record('a:anna'), installedBy: null, name: null, lastPost: null },
    { ...record('19:general@thread', '19:team'), installedBy: null, name: null, lastPost: null },
    { ...record('19:general@thread;messageid=1', '19:team'), channelId: '19:general@thread', installedBy: null, name: null, lastPost: null },
  ];
  it('are every installed conversation (not the threads the bot answered in), or those the setup lists by conversation, channel or team id', () => {
    expect(summaryTargets(all, 'all').map((c) => c.id)).toEqual(['a:anna', '19:general@thread']);
    expect(summaryTargets(all, ['19:team']).map((c) => c.id)).toEqual(['19:general@thread']);
    expect(summaryTargets(all, ['a:anna', 'a:unknown']).map((c) => c.id)).toEqual(['a:anna']);
  });
});
