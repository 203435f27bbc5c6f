import type { UnbilledRow } from '../../api/contract';
import { formatDateTime, formatDuration, formatMoney } from '../../i18n/format';
import type { Messages } from '../../i18n/messages-en';

/** One grid row as text, in the reader's language; server text stays text. */
export interface RowView {
  id: string;
  customer: string;
  service: string;
  staff: string;
  start: string;
  duration: string;
  price: string;
  priceType: string;
  state: string;
  reason: string;
  excluded: boolean;
}

function priceTypeLabel(priceType: string, t: Messages): string {
  return Object.hasOwn(t.priceTypes, priceType) ? t.priceTypes[priceType as keyof Messages['priceTypes']] : priceType;
}

/** `staffNames` labels staff member ids (catalogLabels); an id it lacks is shown as is. */
export function rowView(row: UnbilledRow, t: Messages, tag: string, timeZone: string, staffNames: ReadonlyMap<string, string>): RowView {
  const price = row.enteredPrice ?? row.price;
  return {
    id: row.id,
    customer: row.customers.length === 0 ? t.noCustomer : row.customers.map((c) => c.name || c.email).join(', '),
    service: row.serviceName,
    staff: row.staffMemberIds.map((id) => staffNames.get(id) ?? id).join(', '),
    start: formatDateTime(row.start, tag, timeZone),
    duration: formatDuration(row.durationMinutes, tag),
    price: price ? formatMoney(price, tag) : t.noPrice,
    priceType: priceTypeLabel(row.priceType, t),
    state: t.states[row.state],
    reason: row.reasons.map((r) => t.reasons[r]).join(', ') || (row.reviewReason ?? '') || (row.note === null ? '' : t.notes[row.note]),
    excluded: row.state === 'excluded',
  };
}
