import { z } from 'zod';

/*
 * The fields a person gives when changing one appointment by hand, checked once: the API's request
 * bodies (contract/api-contract.ts) and the service's own requests (exclusions.ts) are built from
 * these, so a reason or a typed price that one accepts the other cannot refuse. Only zod here: the
 * tab's bundle reads it through the contract.
 */

/** Why someone marks an appointment as invoiced without an invoice. */
export const exclusionReasonSchema = z.string({ error: 'Use text for the reason' }).trim().max(500, { error: 'Use at most 500 characters for the reason' });

const MINOR_UNITS = 'Use a whole amount in minor units (øre, cents) from 0';
const CURRENCY_CODE = 'Use a 3-letter currency code such as DKK';

/** A price typed for a "price varies" / "call us" appointment, in minor units; null clears it. */
export const enteredPriceSchema = z
  .strictObject({
    minor: z
      .number({ error: MINOR_UNITS })
      .int({ error: MINOR_UNITS })
      .min(0, { error: MINOR_UNITS })
      .max(1_000_000_000, { error: 'Use an amount below 10,000,000.00' }),
    currency: z
      .string({ error: CURRENCY_CODE })
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{3}$/, { error: CURRENCY_CODE }),
  })
  .nullable();
