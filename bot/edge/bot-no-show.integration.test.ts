import { queryUnbilled } from '../../service/unbilled';
import { startInvoiceKit, type InvoiceKit } from '../../service/invoicing/run/testing/invoice-kit';
import { describeEachStore } from '../../service/store/testing/test-stores';
import { executeActions } from '../actions/testing/card-walk';
import { startBotHarness, type BotHarness } from './testing/bot-harness';

/** The local day (Copenhagen) with the most invoiceable appointments in the seeded data. */
async function busiestDay(kit: InvoiceKit): Promise<string> {
  const result = await queryUnbilled(kit.db, { businessId: kit.h.businessId, state: 'invoiceable', limit: 1 }, { now: kit.h.clock(), setup: kit.setup });
  const day = [...result.byDay].sort((a, b) => b.count - a.count)[0];
  if (!day) throw new Error('the seed has nothing to invoice');
  return day.day;
}

interface InvokeBody {
  statusCode: number;
  type: string;
  value: unknown;
}

describeEachStore('the unbilled list card marks a no-show (emulators, stand-in connector)', (getStore) => {
  let kit: InvoiceKit;
  let bot: BotHarness;
  let day: string;

  beforeAll(async () => {
    kit = await startInvoiceKit(getStore().db);
    bot = await startBotHarness(kit);
    day = await busiestDay(kit);
  });
  afterAll(async () => {
    await bot?.close();
    await kit?.h.close();
  });

  const invoke = (id: string, data: unknown, trigger: 'manual' | 'automatic' = 'manual') =>
    bot.post(
      bot.activity({
        type: 'invoke',
        name: 'adaptiveCard/action',
        id,
        replyToId: 'act-list',
        value: { action: { type: 'Action.Execute', verb: 'markNoShow', data }, trigger },
      }),
    );
  const noShowOf = async (id: string) => (await kit.db.selectFrom('appointments').select('no_show').where('id', '=', id).executeTakeFirstOrThrow()).no_show;
  const audits = (id: string) => kit.db.selectFrom('audit_log').select(['action', 'source']).where('subject', '=', id).execute();

  async function unbilledCard(): Promise<unknown> {
    const before = bot.connector.calls.length;
    await bot.post(bot.activity({ type: 'message', id: `m-${before}`, text: `unbilled ${day}` }));
    const sent = bot.connector.cards((c) => bot.connector.calls.indexOf(c) >= before);
    expect(sent).toHaveLength(1);
    return sent[0]!.card;
  }

  it('marks the clicked row for an invoicer, answers with the same list redrawn (the row now says No-show, without its button), and audits it once', async () => {
    const actions = executeActions(await unbilledCard()).filter((a) => a.verb === 'markNoShow');
    expect(actions.length).toBeGreaterThan(1);
    const [first, second] = actions;
    expect(first!.title).toBe('No-show');
    expect(first!.data).toMatchObject({ cardKind: 'unbilledList', firstDay: day, lastDay: day });
    const id = (first!.data as { appointmentId: string }).appointmentId;

    const r = await invoke('i-mark', first!.data);
    expect(r.status).toBe(200);
    const body = r.body as InvokeBody;
    expect(body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: { type: 'AdaptiveCard' } });
    const json = JSON.stringify(body.value);
    expect(json).toMatch(/Marked .+ as a no-show\./);
    expect(json).toContain('· **No-show**');
    expect(json).not.toContain(id);
    const left = executeActions(body.value).filter((a) => a.verb === 'markNoShow');
    expect(left.map((a) => (a.data as { appointmentId: string }).appointmentId)).not.toContain(id);
    expect(left.map((a) => (a.data as { appointmentId: string }).appointmentId)).toContain((second!.data as { appointmentId: string }).appointmentId);
    expect(await noShowOf(id)).toBe(1);

    // A second click on the stale button is no error and writes no second audit entry.
    expect(((await invoke('i-mark-again', first!.data)).body as InvokeBody).statusCode).toBe(200);
    expect(await audits(id)).toEqual([{ action: 'appointment.no-show', source: 'bot' }]);
  });

  it('refuses a user who is not an invoicer with the refusal card, marking nothing', async () => {
    const [action] = executeActions(await unbilledCard()).filter((a) => a.verb === 'markNoShow');
    const id = (action!.data as { appointmentId: string }).appointmentId;
    kit.setSetup({ roles: { admins: [], invoicers: ['33333333-3333-3333-3333-333333333333'], unmatched: [] } });
    try {
      const r = await invoke('i-refused', action!.data);
      expect(JSON.stringify(r.body)).toMatch(/not allowed|may not|permission/i);
    } finally {
      kit.setSetup({ roles: { admins: [], invoicers: [], unmatched: [] } });
    }
    expect(await noShowOf(id)).toBe(0);
    expect(await audits(id)).toEqual([]);
  });

  it('never marks on an automatic refresh or with data that is not ours', async () => {
    const [action] = executeActions(await unbilledCard()).filter((a) => a.verb === 'markNoShow');
    const id = (action!.data as { appointmentId: string }).appointmentId;
    expect(((await invoke('i-auto', action!.data, 'automatic')).body as InvokeBody).statusCode).toBe(400);
    expect(((await invoke('i-bad', { cardKind: 'unbilledList', appointmentId: id, amount: 1 })).body as InvokeBody).statusCode).toBe(400);
    expect(await noShowOf(id)).toBe(0);
  });

  it('says in words why an appointment cannot be marked (not ended yet), in Danish for a Danish client', async () => {
    const later = await kit.db
      .selectFrom('appointments')
      .select('id')
      .where('end_utc', '>', kit.h.clock().toISOString())
      .where('state', '=', 'unbilled')
      .executeTakeFirstOrThrow();
    const r = await bot.post(
      bot.activity({
        type: 'invoke',
        name: 'adaptiveCard/action',
        id: 'i-later',
        locale: 'da-DK',
        value: { action: { type: 'Action.Execute', verb: 'markNoShow', data: { cardKind: 'unbilledList', appointmentId: later.id } }, trigger: 'manual' },
      }),
    );
    expect(JSON.stringify((r.body as InvokeBody).value)).toContain('Ikke markeret som udeblevet: Ikke afsluttet endnu.');
    expect(await noShowOf(later.id)).toBe(0);
  });
});
