import type { AppointmentRow, CardPeriod } from '../cards';
import type { Language } from '../commands';
import { MAX_LIMIT, type UnbilledRow } from '../../service/unbilled';
import type { BotServices } from './bot-services';
import type { CardPeriodName, CardSelection } from '../../service/conversations';
import { feeKindText, noteText, reasonText } from '../../service/unbilled/reason-text';
import { endedByReasons, noShowActionOf } from '../../service/domain/no-show-rule';

/** Cards list at most a few dozen rows, but their counts and totals cover everything. */
const MAX_ROWS = 5_000;

/** An unbilled row as the cards show it: reasons in the card's language, staff by name ('-' when none is known, never an id). */
export function cardRowOf(row: UnbilledRow, language: Language, staffNames: ReadonlyMap<string, string>): AppointmentRow {
  const customers = row.customers.map((c) => c.name || c.email).filter((n) => n !== '');
  const staff = row.staffMemberIds.map((id) => staffNames.get(id) ?? '').filter((n) => n !== '');
  return {
    id: row.id,
    start: new Date(row.start),
    durationMinutes: row.durationMinutes,
    customerName: customers.join(', '),
    // A no-show or late cancellation is billed as its fee: the card says so beside the service.
    serviceName: row.fee === null ? row.serviceName : `${feeKindText(row.fee.kind, language)}: ${row.serviceName}`,
    staffName: staff.length > 0 ? staff.join(', ') : '-',
    price: row.amount,
    reason: row.reason === null ? null : reasonText(row.reason, language),
    note: row.note === null ? null : noteText(row.note, language),
    noShow: row.noShow,
    canMarkNoShow: noShowActionOf({ state: row.state, noShow: row.noShow, ended: endedByReasons(row.reasons) }) === 'mark',
  };
}

/**
 * The unbilled appointments (ready, and blocked with reasons) of a card's selection, read from
 * the database each time a card is drawn.
 */
export async function appointmentRows(services: BotServices, selection: CardSelection, language: Language): Promise<AppointmentRow[]> {
  const staffNames = await services.staffNames().catch((err: unknown) => {
    services.logger.warn({ err }, 'staff names unavailable; cards show none');
    return new Map<string, string>();
  });
  const rows: AppointmentRow[] = [];
  for (let offset = 0; offset < MAX_ROWS; offset += MAX_LIMIT) {
    const page = await services.unbilled.list({
      state: 'unbilled',
      ...(selection.firstDay === null ? {} : { from: selection.firstDay }),
      ...(selection.lastDay === null ? {} : { to: selection.lastDay }),
      ...(selection.customer === null ? {} : { customer: selection.customer }),
      offset,
      limit: MAX_LIMIT,
    });
    rows.push(...page.rows.map((row) => cardRowOf(row, language, staffNames)));
    if (offset + MAX_LIMIT >= page.total) break;
  }
  return rows;
}

export function cardPeriodOf(period: { firstDay: string; lastDay: string; key: string; label: string; name: CardPeriodName }): CardPeriod {
  return { firstDay: period.firstDay, lastDay: period.lastDay, key: period.key, label: period.label, name: period.name };
}
