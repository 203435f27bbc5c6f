import { z } from 'zod';

/*
 * Linking what blocks an invoice by hand (issue 13.4): a Bookings service to a Business Central item,
 * a Bookings customer to a Business Central customer. Shared with the tab's API contract.
 */

const idText = (what: string) =>
  z
    .string({ error: `Use the ${what} id` })
    .trim()
    .min(1, { error: `Use the ${what} id` })
    .max(200, { error: `Use the ${what} id` });

/** What a person picks: an existing Business Central record (by its id from the choices), or a new one from the template. */
export const linkChoiceSchema = z.discriminatedUnion(
  'kind',
  [z.strictObject({ kind: z.literal('existing'), id: idText('Business Central') }), z.strictObject({ kind: z.literal('create') })],
  { error: 'Choose an existing record ({"kind":"existing","id":...}) or a new one ({"kind":"create"})' },
);
export type LinkChoice = z.infer<typeof linkChoiceSchema>;

/** For an appointment without attendees a new customer needs a name: the one the person typed. */
export const appointmentLinkChoiceSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('existing'), id: idText('Business Central') }),
    z.strictObject({
      kind: z.literal('create'),
      name: z
        .string({ error: "Type the new customer's name" })
        .trim()
        .min(1, { error: "Type the new customer's name" })
        .max(100, { error: 'Use at most 100 characters for the name' }),
    }),
  ],
  { error: 'Choose an existing customer ({"kind":"existing","id":...}) or a new one ({"kind":"create","name":...})' },
);
export type AppointmentLinkChoice = z.infer<typeof appointmentLinkChoiceSchema>;

export const linkSearchSchema = z
  .string({ error: 'Use text for the search' })
  .trim()
  .max(100, { error: 'Use at most 100 characters for the search' })
  .optional();

/** A Business Central item a service can be linked to: the id travels back as the choice, people see name and number. */
export const bcItemChoiceSchema = z.object({
  id: z.string(),
  number: z.string(),
  displayName: z.string(),
  unitPrice: z.object({ minor: z.number().int(), currency: z.string() }),
  /** Same name as the service: the conflict the sync found. */
  sameName: z.boolean(),
});
export type BcItemChoice = z.infer<typeof bcItemChoiceSchema>;

export const serviceLinkChoicesSchema = z.object({
  service: z.object({
    id: z.string(),
    name: z.string(),
    /** The item it is linked to now. */
    linkedItem: z.object({ number: z.string(), displayName: z.string() }).nullable(),
    /** The same-named item the sync would not take on its own (a conflict to settle here). */
    conflict: z.object({ number: z.string(), displayName: z.string() }).nullable(),
  }),
  /** Items of type Service, not blocked, matching the search: the same-named one first, then by number. */
  items: z.array(bcItemChoiceSchema),
  /** More matched than are listed: narrow the search. */
  more: z.boolean(),
});
export type ServiceLinkChoices = z.infer<typeof serviceLinkChoicesSchema>;

export const bcCustomerChoiceSchema = z.object({
  id: z.string(),
  number: z.string(),
  displayName: z.string(),
  email: z.string(),
  blocked: z.boolean(),
});
export type BcCustomerChoice = z.infer<typeof bcCustomerChoiceSchema>;

export const customerLinkChoicesSchema = z.object({
  customer: z.object({
    id: z.string(),
    name: z.string(),
    email: z.string(),
    linkedCustomer: z.object({ number: z.string(), displayName: z.string() }).nullable(),
  }),
  customers: z.array(bcCustomerChoiceSchema),
  more: z.boolean(),
});
export type CustomerLinkChoices = z.infer<typeof customerLinkChoicesSchema>;

/** What a link made: the Business Central record, by number and name. */
export const linkResultSchema = z.object({
  number: z.string(),
  displayName: z.string(),
  created: z.boolean(),
  /** Appointments still unbilled that this link concerns. */
  appointments: z.number().int(),
});
export type LinkResult = z.infer<typeof linkResultSchema>;

/** Why a link is refused. */
export const LINK_REFUSALS = [
  'unknown-service',
  'unknown-customer',
  'unknown-appointment',
  'unknown-record',
  'not-a-service-item',
  'item-blocked',
  'customer-blocked',
  'no-company',
] as const;
export type LinkRefusal = (typeof LINK_REFUSALS)[number];

/** A link refused, in words the person can act on. */
export type LinkRefused = { ok: false; code: LinkRefusal; message: string };
export type LinkOutcome = { ok: true; result: LinkResult } | LinkRefused;

export const LINK_REFUSAL_MESSAGES: Record<LinkRefusal, string> = {
  'unknown-service': 'No such Bookings service: sync, then try again',
  'unknown-customer': 'No such Bookings customer: sync, then try again',
  'unknown-appointment': 'No such appointment waiting for a customer: sync, then try again',
  'customer-blocked': 'The customer is blocked for invoicing in Business Central: choose another',
  'unknown-record': 'Business Central has no such record any more: search again',
  'not-a-service-item': 'Only items of type Service can be linked to a Bookings service',
  'item-blocked': 'The item is blocked in Business Central',
  'no-company': 'Choose the Business Central company in Setup first',
};
