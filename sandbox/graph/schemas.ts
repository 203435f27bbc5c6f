import { z } from 'zod';

const PRICE_TYPES = ['undefined', 'fixedPrice', 'startingAt', 'hourly', 'free', 'priceVaries', 'callUs', 'notSet', 'unknownFutureValue'] as const;

const isoDuration = z.string().regex(/^P(?!$)(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$/, 'expected an ISO 8601 duration such as PT30M');

export const dateTimeTimeZoneSchema = z.object({
  dateTime: z.string().min(1),
  timeZone: z.string().default('UTC'),
});

export const customerInformationSchema = z.object({
  customerId: z.string().min(1),
  name: z.string().optional(),
  emailAddress: z.string().optional(),
  phone: z.string().optional(),
  timeZone: z.string().optional(),
  notes: z.string().nullable().optional(),
});

/** Fields a client may write on an appointment; unknown properties (e.g. `@odata.type`) are ignored as Graph does. */
const appointmentFields = {
  serviceId: z.string().min(1).optional(),
  serviceName: z.string().optional(),
  startDateTime: dateTimeTimeZoneSchema.optional(),
  endDateTime: dateTimeTimeZoneSchema.optional(),
  // Some documentation versions name them start/end.
  start: dateTimeTimeZoneSchema.optional(),
  end: dateTimeTimeZoneSchema.optional(),
  price: z.number().min(0).optional(),
  priceType: z.enum(PRICE_TYPES).optional(),
  staffMemberIds: z.array(z.string().min(1)).optional(),
  customers: z.array(customerInformationSchema).optional(),
  customerTimeZone: z.string().optional(),
  isLocationOnline: z.boolean().optional(),
  additionalInformation: z.string().optional(),
  serviceNotes: z.string().optional(),
  optOutOfCustomerEmail: z.boolean().optional(),
  smsNotificationsEnabled: z.boolean().optional(),
  maximumAttendeesCount: z.int().min(0).optional(),
  preBuffer: isoDuration.optional(),
  postBuffer: isoDuration.optional(),
};

export const appointmentPatchSchema = z.object(appointmentFields);
export type AppointmentPatch = z.infer<typeof appointmentPatchSchema>;

export const appointmentCreateSchema = z.object({ ...appointmentFields, serviceId: z.string().min(1) }).superRefine((body, ctx) => {
  if (!body.startDateTime && !body.start) ctx.addIssue({ code: 'custom', path: ['startDateTime'], message: 'required' });
  if (!body.endDateTime && !body.end) ctx.addIssue({ code: 'custom', path: ['endDateTime'], message: 'required' });
});
export type AppointmentCreate = z.infer<typeof appointmentCreateSchema>;

export const cancelSchema = z.object({ cancellationMessage: z.string() });

const addressSchema = z.object({
  street: z.string().default(''),
  city: z.string().default(''),
  postalCode: z.string().default(''),
  state: z.string().default(''),
  countryOrRegion: z.string().default(''),
  type: z.string().default('home'),
});

const phoneSchema = z.object({
  number: z.string().min(1),
  type: z.enum(['home', 'business', 'mobile', 'other']).default('mobile'),
});

export const customerCreateSchema = z.object({
  displayName: z.string().trim().min(1),
  emailAddress: z.union([z.email(), z.literal('')]).default(''),
  addresses: z.array(addressSchema).default([]),
  phones: z.array(phoneSchema).default([]),
});
export type CustomerCreate = z.infer<typeof customerCreateSchema>;

export const MAX_BATCH_REQUESTS = 20;

export const batchItemSchema = z.object({
  id: z.string().min(1),
  method: z
    .string()
    .transform((m) => m.toUpperCase())
    .pipe(z.enum(['GET', 'POST', 'PATCH', 'PUT', 'DELETE'])),
  url: z.string().min(1),
  headers: z.record(z.string(), z.string()).optional(),
  body: z.unknown().optional(),
  dependsOn: z.array(z.string().min(1)).optional(),
});
export type BatchItem = z.infer<typeof batchItemSchema>;

export const batchEnvelopeSchema = z.object({
  requests: z
    .array(batchItemSchema)
    .min(1, 'a batch needs at least one request')
    .max(MAX_BATCH_REQUESTS, `a batch holds at most ${MAX_BATCH_REQUESTS} requests`),
});
