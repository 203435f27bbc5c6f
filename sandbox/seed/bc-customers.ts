import type { BcCustomer } from '../bc/types';
import { DAY_MS } from './calendar';
import type { SeedCustomer } from './customers';
import { ZERO_GUID, guidFor } from './ids';
import { createRng, type Rng } from './prng';
import { DOMESTIC_TAX_AREA_NAME, type BcReference } from './bc-reference';
import { BC_EMAIL_LENGTH, BC_NAME_LENGTH, truncateText } from './text-limits';

interface BcCustomerSource {
  key: string;
  name: string;
  email: string;
  type: BcCustomer['type'];
  blocked: boolean;
  currency: 'EUR' | '';
  phone: string;
  street: string;
  city: string;
  postalCode: string;
  country: string;
}

/** Customers the company had before Bookings: none of them is in Bookings, one shares a name with one. */
const UNRELATED: readonly BcCustomerSource[] = [
  {
    key: 'kontant',
    name: 'Kontant kunde',
    email: '',
    type: 'Person',
    blocked: false,
    currency: '',
    phone: '',
    street: '',
    city: '',
    postalCode: '',
    country: 'DK',
  },
  {
    key: 'falkoner',
    name: 'Falkoner Sportsklub',
    email: 'kontor@falkoner-sport.dk',
    type: 'Company',
    blocked: false,
    currency: '',
    phone: '+45 38 10 20 30',
    street: 'Falkoner Allé 7',
    city: 'Frederiksberg',
    postalCode: '2000',
    country: 'DK',
  },
  {
    key: 'amager-fitness',
    name: 'Amager Fitness ApS',
    email: 'bogholderi@amagerfitness.dk',
    type: 'Company',
    blocked: false,
    currency: '',
    phone: '+45 32 50 60 70',
    street: 'Amagerbrogade 150',
    city: 'København S',
    postalCode: '2300',
    country: 'DK',
  },
  {
    key: 'sundhedsforsikring',
    name: 'Sundhedsforsikring Danmark A/S',
    email: 'faktura@sundhedsforsikring-dk.dk;kopi@sundhedsforsikring-dk.dk',
    type: 'Company',
    blocked: false,
    currency: '',
    phone: '+45 70 70 80 80',
    street: 'Kalvebod Brygge 45',
    city: 'København V',
    postalCode: '1560',
    country: 'DK',
  },
  {
    key: 'mueller',
    name: 'Müller Physio GmbH',
    email: 'buchhaltung@mueller-physio.de',
    type: 'Company',
    blocked: false,
    currency: 'EUR',
    phone: '+49 40 123456',
    street: 'Große Bergstraße 12',
    city: 'Hamburg',
    postalCode: '22767',
    country: 'DE',
  },
  {
    key: 'lars-nielsen',
    name: 'Lars Nielsen',
    email: 'lars.nielsen@nielsen-vvs.dk',
    type: 'Person',
    blocked: false,
    currency: '',
    phone: '+45 40 11 22 33',
    street: 'Tagensvej 12',
    city: 'København N',
    postalCode: '2200',
    country: 'DK',
  },
];

const SHARE_OF_GENERIC_IN_BC = 0.14;

/** The case changes people make when they type an address twice. */
function recased(email: string, rng: Rng): string {
  const roll = rng.next();
  if (roll < 0.7) return email;
  if (roll < 0.85) return email.replace(/(^|[.@])([a-z])/g, (_, separator: string, letter: string) => `${separator}${letter.toUpperCase()}`);
  return email.toUpperCase();
}

function fromBookings(customer: SeedCustomer, index: number, seed: number): BcCustomerSource | undefined {
  const address = customer.record.addresses[0];
  const base = {
    key: `bookings-${index}`,
    name: customer.record.displayName,
    currency: '' as const,
    phone: customer.phone,
    street: address?.street ?? '',
    city: address?.city ?? '',
    postalCode: address?.postalCode ?? '',
    country: 'DK',
  };
  if (customer.bc) return { ...base, email: customer.bc.email, type: customer.bc.type, blocked: customer.bc.blocked ?? false };
  if (customer.special) return undefined;
  const rng = createRng(seed, 'bc-overlap', index);
  if (!customer.record.emailAddress || !rng.chance(SHARE_OF_GENERIC_IN_BC)) return undefined;
  return { ...base, email: recased(customer.record.emailAddress, rng), type: rng.chance(0.05) ? 'Company' : 'Person', blocked: false };
}

export interface BcCustomersSeed {
  customers: BcCustomer[];
  byKey: ReadonlyMap<string, BcCustomer>;
}

export function buildBcCustomers(seed: number, bookingsCustomers: readonly SeedCustomer[], reference: BcReference, todayMs: number): BcCustomersSeed {
  const sources = [...UNRELATED, ...bookingsCustomers.flatMap((customer, index) => fromBookings(customer, index, seed) ?? [])];
  const customers = sources.map((source, position): BcCustomer => {
    const rng = createRng(seed, 'bc-customer', source.key);
    return {
      id: guidFor(`${seed}|bc-customer|${source.key}`),
      // The Cronus number series the emulator continues: C00010, C00020, ...
      number: `C${String((position + 1) * 10).padStart(5, '0')}`,
      displayName: truncateText(source.name, BC_NAME_LENGTH),
      type: source.type,
      addressLine1: truncateText(source.street, BC_NAME_LENGTH),
      addressLine2: '',
      city: source.city,
      state: '',
      country: source.country,
      postalCode: source.postalCode,
      phoneNumber: source.phone,
      email: truncateText(source.email, BC_EMAIL_LENGTH),
      website: '',
      salespersonCode: '',
      balanceDue: 0,
      creditLimit: 0,
      taxLiable: true,
      taxAreaId: reference.domesticTaxAreaId,
      taxAreaDisplayName: DOMESTIC_TAX_AREA_NAME,
      taxRegistrationNumber: source.type === 'Company' && source.country === 'DK' ? `DK${rng.int(10_000_000, 99_999_999)}` : '',
      currencyId: source.currency === 'EUR' ? reference.euroCurrencyId : ZERO_GUID,
      currencyCode: source.currency,
      paymentTermsId: source.type === 'Company' ? reference.paymentTerms14DaysId : reference.paymentTerms8DaysId,
      shipmentMethodId: ZERO_GUID,
      paymentMethodId: ZERO_GUID,
      blocked: source.blocked ? 'All' : ' ',
      lastModifiedDateTime: new Date(todayMs - rng.int(2, 400) * DAY_MS - rng.int(0, 86_399) * 1000).toISOString(),
    };
  });
  return { customers, byKey: new Map(sources.map((source, position) => [source.key, customers[position] as BcCustomer])) };
}
