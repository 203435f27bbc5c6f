import type { UnbilledRow } from '../../../../contract/api-contract';
import { endedByReasons, noShowActionOf, type NoShowAction } from '../../../../service/domain/no-show-rule';
import { rowStateText } from '../../../../contract/words/row-state-text';
import { formatDateTime, formatDuration, formatMoney, formatNumber } from '../../i18n/format';
import type { Messages } from '../../i18n/messages-en';

/** One grid row as text, in the reader's language; server text stays text. */
export interface RowView {
  id: string;
  customer: string;
  service: string;
  staff: string;
  start: string;
  duration: string;
  /** What invoicing the appointment bills (all attendees), as the preview will show it. */
  amount: string;
  /** How the amount comes about, where that is not plain: the hourly rate and duration, or the attendees. */
  amountDetail: string;
  priceType: string;
  state: string;
  reason: string;
  /** The blocking reasons, for their hints and fixes. */
  reasonCodes: string[];
  /** The appointment's currency, the one a typed price is in. */
  currency: string;
  /** "customer · service · start", to name the row in sentences and labels. */
  label: string;
  excluded: boolean;
  /** Marked as a no-show. */
  noShow: boolean;
  /** What the row's menu offers about the no-show mark (the one rule; the server decides again when asked). */
  noShowAction: NoShowAction;
  /** The Bookings service, for linking it to a Business Central item; null when Bookings named none. */
  serviceId: string | null;
  /** Attendees without an email and without a Business Central customer: each can be linked to one. */
  unlinkedCustomers: { id: string; name: string }[];
  /** Numbers of the attendees' Business Central customers that block invoicing. */
  blockedNumbers: string[];
}

function priceTypeLabel(priceType: string, t: Messages): string {
  return Object.hasOwn(t.priceTypes, priceType) ? t.priceTypes[priceType as keyof Messages['priceTypes']] : priceType;
}

function amountDetail(row: UnbilledRow, t: Messages, tag: string): string {
  if (!row.price) return '';
  const unit = formatMoney(row.price, tag);
  const each = row.priceType === 'hourly' ? t.hourlyDetail(unit, formatDuration(row.durationMinutes, tag)) : unit;
  if (row.customers.length > 1) return t.attendeesDetail(formatNumber(row.customers.length, tag), each);
  return row.priceType === 'hourly' ? each : '';
}

function customerText(row: UnbilledRow, t: Messages): string {
  return row.customers.length === 0 ? t.noCustomer : row.customers.map((c) => c.name || c.email).join(', ');
}

/** How a person recognises an appointment in a sentence: "Kunde 1 · Klipning · 2 Nov 2026, 09:00". */
export function appointmentLabel(row: UnbilledRow, tag: string, timeZone: string, t: Messages): string {
  return [customerText(row, t), row.serviceName, formatDateTime(row.start, tag, timeZone)].join(' · ');
}

/** `staffNames` labels staff member ids (catalogLabels); an id it lacks is shown as is. */
export function rowView(row: UnbilledRow, t: Messages, tag: string, timeZone: string, staffNames: ReadonlyMap<string, string>): RowView {
  return {
    id: row.id,
    customer: customerText(row, t),
    service: row.serviceName,
    staff: row.staffMemberIds.map((id) => staffNames.get(id) ?? id).join(', '),
    start: formatDateTime(row.start, tag, timeZone),
    duration: formatDuration(row.durationMinutes, tag),
    amount: row.amount ? formatMoney(row.amount, tag) : t.noPrice,
    amountDetail: amountDetail(row, t, tag),
    priceType: priceTypeLabel(row.priceType, t),
    state: rowStateText(row, t),
    reason: row.reasons.map((r) => t.reasons[r]).join(', ') || (row.reviewReason ?? '') || (row.note === null ? '' : t.notes[row.note]),
    reasonCodes: [...row.reasons],
    currency: row.currency,
    label: appointmentLabel(row, tag, timeZone, t),
    excluded: row.state === 'excluded',
    noShow: row.noShow,
    noShowAction: noShowActionOf({ state: row.state, noShow: row.noShow, ended: endedByReasons(row.reasons) }),
    serviceId: row.serviceId,
    unlinkedCustomers: row.customers
      .filter((c) => c.email.trim() === '' && !c.businessCentral && c.customerId !== '')
      .map((c) => ({ id: c.customerId, name: c.name || t.noCustomer })),
    blockedNumbers: row.customers.flatMap((c) => (c.businessCentral?.blocked ? [c.businessCentral.number] : [])),
  };
}
