import type { BookingCustomer } from '../graph/types';
import { DAY_MS } from './calendar';
import { guidFor } from './ids';
import { EMAIL_DOMAINS, FIRST_NAMES, LAST_NAMES, POSTCODES, STREETS, asciiFold } from './names';
import { createRng, type Rng } from './prng';
import { SPECIAL_CUSTOMERS, type SpecialCustomer } from './special-customers';

/** A Bookings customer plus what appointments and the Business Central seed need to know about it. */
export interface SeedCustomer {
  record: BookingCustomer;
  phone: string;
  timeZone: string;
  kind: 'person' | 'company';
  /** One of SPECIAL_CUSTOMERS: Business Central knows it exactly as `bc` says (or not at all). */
  special: boolean;
  bc: SpecialCustomer['bc'];
}

const DEFAULT_TIME_ZONE = 'Romance Standard Time';
const SHARE_WITHOUT_EMAIL = 0.045;
// Customers predate the appointments; this fixed origin keeps a customer's dates the same every day.
const CUSTOMERS_SINCE_MS = Date.UTC(2023, 0, 2);

function phoneNumber(rng: Rng): string {
  const digits = `${rng.pick(['2', '3', '4', '5', '6', '7', '9'])}${String(rng.int(0, 9_999_999)).padStart(7, '0')}`;
  return `+45 ${digits.slice(0, 2)} ${digits.slice(2, 4)} ${digits.slice(4, 6)} ${digits.slice(6, 8)}`;
}

function address(rng: Rng): BookingCustomer['addresses'][number] {
  const [postalCode, city] = rng.pick(POSTCODES);
  return {
    street: `${rng.pick(STREETS)} ${rng.int(1, 180)}${rng.chance(0.3) ? `, ${rng.int(1, 5)}. ${rng.pick(['th', 'tv', 'mf'])}` : ''}`,
    city,
    postalCode,
    state: '',
    countryOrRegion: 'DK',
    type: 'home',
  };
}

function genericEmail(rng: Rng, first: string, last: string, taken: Set<string>): string {
  const f = asciiFold(first);
  const l = asciiFold(last);
  const local = rng.pick([`${f}.${l}`, `${f}${l}`, `${f.slice(0, 1)}${l}`, `${f}_${l}`, `${f}${rng.int(1, 99)}`]);
  const domain = rng.pick(EMAIL_DOMAINS);
  let email = `${local}@${domain}`;
  for (let n = 2; taken.has(email.toLowerCase()); n++) email = `${local}${n}@${domain}`;
  return email;
}

function generic(rng: Rng, taken: Set<string>): SpecialCustomer {
  const first = rng.pick(FIRST_NAMES);
  const last = rng.chance(0.1) ? `${rng.pick(LAST_NAMES)}-${rng.pick(LAST_NAMES)}` : rng.pick(LAST_NAMES);
  const withoutEmail = rng.chance(SHARE_WITHOUT_EMAIL);
  return {
    name: `${first} ${last}`,
    email: withoutEmail ? '' : genericEmail(rng, first, last, taken),
    timeZone: rng.chance(0.03) ? 'W. Europe Standard Time' : DEFAULT_TIME_ZONE,
  };
}

/**
 * The special customers first, then generated ones up to `count`. Customer i depends only on the seed
 * and i (and the emails before it, to keep emails unique), so larger scales extend the same list.
 */
export function buildCustomers(seed: number, count: number, latestCreatedMs: number): SeedCustomer[] {
  const taken = new Set(SPECIAL_CUSTOMERS.map((special) => special.email.toLowerCase()));
  const customers: SeedCustomer[] = [];
  const total = Math.max(count, SPECIAL_CUSTOMERS.length);
  for (let index = 0; index < total; index++) {
    const rng = createRng(seed, 'customer', index);
    const definition = SPECIAL_CUSTOMERS[index] ?? generic(rng, taken);
    if (definition.email) taken.add(definition.email.toLowerCase());
    const phone = definition.phone ?? (rng.chance(0.92) ? phoneNumber(rng) : '');
    const phones: BookingCustomer['phones'] = phone ? [{ number: phone, type: definition.kind === 'company' ? 'business' : 'mobile' }] : [];
    if (phone && rng.chance(0.1)) phones.push({ number: phoneNumber(rng), type: 'home' });
    const createdMs = Math.min(CUSTOMERS_SINCE_MS + Math.floor(rng.next() * 900 * DAY_MS), latestCreatedMs - rng.int(1, 30) * DAY_MS);
    const updatedMs = Math.min(createdMs + Math.floor(rng.next() * 60 * DAY_MS), latestCreatedMs);
    customers.push({
      record: {
        id: guidFor(`${seed}|customer|${index}`),
        displayName: definition.name,
        emailAddress: definition.email,
        addresses: rng.chance(0.7) ? [address(rng)] : [],
        phones,
        createdDateTime: new Date(createdMs).toISOString(),
        lastUpdatedDateTime: new Date(updatedMs).toISOString(),
      },
      phone,
      timeZone: definition.timeZone ?? DEFAULT_TIME_ZONE,
      kind: definition.kind ?? 'person',
      special: index < SPECIAL_CUSTOMERS.length,
      bc: definition.bc,
    });
  }
  return customers;
}
