import type { AppointmentRow, CardPeriod } from '../cards';
import type { Language } from '../commands';
import { MAX_LIMIT, queryUnbilled, type UnbilledRow } from '../../service/unbilled';
import { nowOf, type BotServices } from './bot-services';
import type { CardSelection } from './posted-cards';
import { feeKindText, noteText, reasonText } from '../../service/unbilled/reason-text';

/** Cards list at most a few dozen rows, but their counts and totals cover everything. */
const MAX_ROWS = 5_000;

export function toCardRow(row: UnbilledRow, language: Language): AppointmentRow {
  const customers = row.customers.map((c) => c.name || c.email).filter((n) => n !== '');
  return {
    id: row.id,
    start: new Date(row.start),
    durationMinutes: row.durationMinutes,
    customerName: customers.join(', '),
    // A no-show or late cancellation is billed as its fee: the card says so beside the service.
    serviceName: row.fee === null ? row.serviceName : `${feeKindText(row.fee.kind, language)}: ${row.serviceName}`,
    staffName: '-',
    price: row.amount,
    reason: row.reason === null ? null : reasonText(row.reason, language),
    note: row.note === null ? null : noteText(row.note, language),
  };
}

/**
 * The unbilled appointments (ready, and blocked with reasons) of a card's selection, read from
 * the database each time a card is drawn.
 */
export async function appointmentRows(services: BotServices, selection: CardSelection, language: Language): Promise<AppointmentRow[]> {
  const setup = await services.currentSetup();
  const staffNames = await services.staffNames().catch((err: unknown) => {
    services.logger.warn({ err }, 'staff names unavailable; cards show none');
    return new Map<string, string>();
  });
  const context = { now: nowOf(services), setup };
  const rows: AppointmentRow[] = [];
  for (let offset = 0; offset < MAX_ROWS; offset += MAX_LIMIT) {
    const page = await queryUnbilled(
      services.db,
      {
        businessId: services.businessId,
        state: 'unbilled',
        ...(selection.firstDay === null ? {} : { from: selection.firstDay }),
        ...(selection.lastDay === null ? {} : { to: selection.lastDay }),
        ...(selection.customer === null ? {} : { customer: selection.customer }),
        offset,
        limit: MAX_LIMIT,
      },
      context,
    );
    for (const row of page.rows) {
      const card = toCardRow(row, language);
      const staff = row.staffMemberIds.map((id) => staffNames.get(id) ?? '').filter((n) => n !== '');
      rows.push({ ...card, staffName: staff.length > 0 ? staff.join(', ') : card.staffName });
    }
    if (offset + MAX_LIMIT >= page.total) break;
  }
  return rows;
}

export function cardPeriodOf(period: { firstDay: string; lastDay: string; key: string; label: string }): CardPeriod {
  return { firstDay: period.firstDay, lastDay: period.lastDay, key: period.key, label: period.label };
}
