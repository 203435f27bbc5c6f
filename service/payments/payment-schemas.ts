import { z } from 'zod';
import { MAX_HISTORY_LIMIT } from '../history/history-schemas';
import { moneyAmountSchema, paymentInfoSchema, paymentStateSchema } from './payment-state';

const pageError = `Use a whole number from 1 to ${MAX_HISTORY_LIMIT}`;

/** Which of the business's invoices to list: all that reached Business Central, or only the overdue ones, maybe of one customer. */
export const listPaymentsRequestSchema = z.strictObject({
  overdue: z
    .union([z.boolean(), z.enum(['true', 'false'])], { error: 'Use true or false' })
    .transform((v) => v === true || v === 'true')
    .default(false),
  /** A customer's email (the customer view). */
  customer: z.string({ error: 'Use the customer email' }).trim().toLowerCase().min(1).max(320).optional(),
  offset: z.coerce
    .number({ error: 'Use a whole number from 0' })
    .int({ error: 'Use a whole number from 0' })
    .min(0, { error: 'Use a whole number from 0' })
    .default(0),
  limit: z.coerce.number({ error: pageError }).int({ error: pageError }).min(1, { error: pageError }).max(MAX_HISTORY_LIMIT, { error: pageError }).default(50),
});
export type ListPaymentsRequest = z.input<typeof listPaymentsRequestSchema>;

export const paymentItemSchema = z.object({
  id: z.string(),
  runId: z.string(),
  /** The posted number once posted, else the draft's. */
  number: z.string().nullable(),
  customer: z.object({ name: z.string(), email: z.string() }),
  invoiceDate: z.string().nullable(),
  amount: moneyAmountSchema,
  state: paymentStateSchema,
  payment: paymentInfoSchema.nullable(),
  url: z.string().nullable(),
});
export type PaymentItem = z.infer<typeof paymentItemSchema>;

export const paymentPageSchema = z.object({
  items: z.array(paymentItemSchema),
  total: z.number().int(),
  offset: z.number().int(),
  limit: z.number().int(),
  /** The business's local date the states were decided on. */
  today: z.string(),
  /** What the listed customers still owe per currency, over every matching invoice (not only this page). */
  outstanding: z.array(moneyAmountSchema),
});
export type PaymentPage = z.infer<typeof paymentPageSchema>;

export const PAYMENT_CUSTOMER_SORTS = ['name', 'due', 'owed'] as const;
export type PaymentCustomerSort = (typeof PAYMENT_CUSTOMER_SORTS)[number];

/** The customer view: the business's customers with invoices that reached Business Central, a page at a time. */
export const listPaymentCustomersRequestSchema = z.strictObject({
  /** Only customers with overdue invoices, counted and summed over those alone. */
  overdue: listPaymentsRequestSchema.shape.overdue,
  /** By name (Danish order), by the oldest unpaid due date (oldest first), or by what is owed (most first). */
  sort: z.enum(PAYMENT_CUSTOMER_SORTS, { error: `Use one of ${PAYMENT_CUSTOMER_SORTS.join(', ')}` }).default('name'),
  offset: listPaymentsRequestSchema.shape.offset,
  limit: listPaymentsRequestSchema.shape.limit,
});
export type ListPaymentCustomersRequest = z.input<typeof listPaymentCustomersRequestSchema>;

export const paymentCustomerSchema = z.object({
  name: z.string(),
  /** The key of a customer's invoices: GET /api/payments?customer= takes it. */
  email: z.string(),
  invoices: z.number().int(),
  overdue: z.number().int(),
  /** What the customer still owes on posted open invoices, per currency. */
  owed: z.array(moneyAmountSchema),
  /** The earliest due date of an open invoice with something owed (YYYY-MM-DD), or null. */
  oldestDue: z.string().nullable(),
  /** The newest invoice date, or null. */
  lastInvoiceDate: z.string().nullable(),
});
export type PaymentCustomer = z.infer<typeof paymentCustomerSchema>;

export const paymentCustomerPageSchema = z.object({
  customers: z.array(paymentCustomerSchema),
  total: z.number().int(),
  offset: z.number().int(),
  limit: z.number().int(),
  today: z.string(),
});
export type PaymentCustomerPage = z.infer<typeof paymentCustomerPageSchema>;
