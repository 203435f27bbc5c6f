import { z } from 'zod';
import { PRICE_TYPES } from '../../domain/appointment';
import { money } from '../../domain/money';
import { FEE_KINDS } from '../../domain/fees';
import { readJson } from '../../store/columns';
import type { Row } from '../../store/database';
import type { PricedLine, PriceSource, ReviewFlag } from '../../domain/pricing';

const priceTypeSchema = z.enum(PRICE_TYPES);
const feeKindSchema = z.enum(FEE_KINDS);
const priceSourceSchema = z.enum(['bookings', 'item', 'entered']) satisfies z.ZodType<PriceSource>;
const reviewSchema = z.array(z.enum(['startingAt'])) satisfies z.ZodType<ReviewFlag[]>;
export const staffNamesSchema = z.array(z.string());

export type LineRow = Row<'invoice_lines'>;

/** The priced line a stored invoice line was made from: after the claim, lines are never re-priced. */
export function rowToPricedLine(row: LineRow): PricedLine {
  const quantity = Number(row.quantity);
  const feeKind = row.fee_kind === null ? undefined : feeKindSchema.parse(row.fee_kind);
  return {
    appointmentId: row.appointment_id,
    start: new Date(row.start_utc),
    durationMinutes: row.duration_minutes,
    serviceName: row.service_name,
    priceType: priceTypeSchema.catch('unknownFutureValue').parse(row.price_type),
    customer: { customerId: row.bookings_customer_id, name: row.customer_name, email: row.customer_email, timeZone: null },
    quantity,
    unitPrice: money(row.unit_price_minor, row.currency),
    amount: money(row.amount_minor, row.currency),
    priceSource: priceSourceSchema.catch('bookings').parse(row.price_source),
    review: readJson(reviewSchema, row.review, 'invoice_lines.review'),
    ...(feeKind === undefined ? {} : { feeKind }),
  };
}

export const staffNamesOf = (row: LineRow): string[] => readJson(staffNamesSchema, row.staff_names, 'invoice_lines.staff_names');
