import type { BookingPriceType, BookingService } from '../graph/types';
import { isoDuration } from './calendar';
import { guidFor } from './ids';

/** A service of the clinic, with what the schedule needs besides its Graph record. */
export interface ServiceDefinition {
  key: string;
  displayName: string;
  description: string;
  minutes: number;
  price: number;
  priceType: BookingPriceType;
  maximumAttendees: number;
  preBufferMinutes: number;
  postBufferMinutes: number;
  hidden: boolean;
  online: boolean;
  /** How often it is booked, relative to the others a staff member offers. */
  weight: number;
  /** Which of the six staff profiles offer it (staff member i has profile i % 6). */
  profiles: number[];
}

/** The most booked service; Business Central already has an item of its name (see bc-items.ts). */
export const FOLLOW_UP_SERVICE_KEY = 'followUp';

// Every Graph price type appears once at least; 'Genoptræning 50 min' is the hourly service whose
// duration is not a whole hour, 'Hjemmebesøg' one whose hourly amount does not end in whole øre.
export const SERVICE_DEFINITIONS: readonly ServiceDefinition[] = [
  {
    key: 'first',
    displayName: 'Fysioterapi, første konsultation',
    description: 'Undersøgelse og behandlingsplan.',
    minutes: 60,
    price: 650,
    priceType: 'fixedPrice',
    maximumAttendees: 1,
    preBufferMinutes: 0,
    postBufferMinutes: 0,
    hidden: false,
    online: false,
    weight: 3,
    profiles: [0, 1, 3],
  },
  {
    key: FOLLOW_UP_SERVICE_KEY,
    displayName: 'Fysioterapi, opfølgning',
    description: 'Opfølgende behandling.',
    minutes: 45,
    price: 495,
    priceType: 'fixedPrice',
    maximumAttendees: 1,
    preBufferMinutes: 0,
    postBufferMinutes: 0,
    hidden: false,
    online: false,
    weight: 6,
    profiles: [0, 1, 3, 4],
  },
  {
    key: 'rehab50',
    displayName: 'Genoptræning 50 min',
    description: 'Individuel genoptræning, afregnes pr. time.',
    minutes: 50,
    price: 780,
    priceType: 'hourly',
    maximumAttendees: 1,
    preBufferMinutes: 0,
    postBufferMinutes: 10,
    hidden: false,
    online: false,
    weight: 4,
    profiles: [0, 1, 4],
  },
  {
    key: 'sportsMassage',
    displayName: 'Sportsmassage',
    description: 'Massage efter træning eller skade.',
    minutes: 45,
    price: 720,
    priceType: 'hourly',
    maximumAttendees: 1,
    preBufferMinutes: 0,
    postBufferMinutes: 0,
    hidden: false,
    online: false,
    weight: 4,
    profiles: [2, 5],
  },
  {
    key: 'acupuncture',
    displayName: 'Akupunktur',
    description: 'Pris afhænger af antal nåle og område.',
    minutes: 30,
    price: 450,
    priceType: 'startingAt',
    maximumAttendees: 1,
    preBufferMinutes: 0,
    postBufferMinutes: 0,
    hidden: false,
    online: false,
    weight: 2,
    profiles: [0, 3],
  },
  {
    key: 'pilates',
    displayName: 'Pilates hold',
    description: 'Holdtræning, højst 8 deltagere.',
    minutes: 60,
    price: 180,
    priceType: 'fixedPrice',
    maximumAttendees: 8,
    preBufferMinutes: 0,
    postBufferMinutes: 10,
    hidden: false,
    online: false,
    weight: 0,
    profiles: [4, 5],
  },
  {
    key: 'screening',
    displayName: 'Gratis online screening',
    description: 'Kort videosamtale om dine muligheder.',
    minutes: 20,
    price: 0,
    priceType: 'free',
    maximumAttendees: 1,
    preBufferMinutes: 0,
    postBufferMinutes: 0,
    hidden: false,
    online: true,
    weight: 1,
    profiles: [2, 3],
  },
  {
    key: 'ergonomics',
    displayName: 'Ergonomisk arbejdspladsvurdering',
    description: 'Besøg på arbejdspladsen; pris efter aftale.',
    minutes: 90,
    price: 0,
    priceType: 'priceVaries',
    maximumAttendees: 1,
    preBufferMinutes: 15,
    postBufferMinutes: 15,
    hidden: true,
    online: false,
    weight: 0.4,
    profiles: [0],
  },
  {
    key: 'shockwave',
    displayName: 'Chokbølgebehandling',
    description: 'Ring for pris.',
    minutes: 30,
    price: 0,
    priceType: 'callUs',
    maximumAttendees: 1,
    preBufferMinutes: 0,
    postBufferMinutes: 0,
    hidden: false,
    online: false,
    weight: 1,
    profiles: [0, 3],
  },
  {
    key: 'lymph',
    displayName: 'Lymfedrænage',
    description: 'Manuel lymfedrænage.',
    minutes: 60,
    price: 0,
    priceType: 'notSet',
    maximumAttendees: 1,
    preBufferMinutes: 0,
    postBufferMinutes: 0,
    hidden: false,
    online: false,
    weight: 1.5,
    profiles: [2, 5],
  },
  {
    key: 'dryNeedling',
    displayName: 'Dry needling',
    description: 'Oprettet før prisfeltet var i brug.',
    minutes: 30,
    price: 0,
    priceType: 'undefined',
    maximumAttendees: 1,
    preBufferMinutes: 0,
    postBufferMinutes: 0,
    hidden: false,
    online: false,
    weight: 1,
    profiles: [1],
  },
  {
    key: 'homeVisit',
    displayName: 'Hjemmebesøg',
    description: 'Behandling i eget hjem, afregnes pr. time.',
    minutes: 90,
    price: 935,
    priceType: 'hourly',
    maximumAttendees: 1,
    preBufferMinutes: 15,
    postBufferMinutes: 15,
    hidden: false,
    online: false,
    weight: 0.5,
    profiles: [1, 4],
  },
];

export const GROUP_SERVICE_KEY = 'pilates';

export function serviceIdFor(seed: number, key: string): string {
  return guidFor(`${seed}|service|${key}`);
}

export function buildService(seed: number, definition: ServiceDefinition, staffIds: readonly string[]): BookingService {
  return {
    id: serviceIdFor(seed, definition.key),
    displayName: definition.displayName,
    description: definition.description,
    defaultDuration: isoDuration(definition.minutes),
    defaultPrice: definition.price,
    defaultPriceType: definition.priceType,
    isHiddenFromCustomers: definition.hidden,
    maximumAttendeesCount: definition.maximumAttendees,
    staffMemberIds: staffIds.filter((_, index) => definition.profiles.includes(index % 6)),
    preBuffer: isoDuration(definition.preBufferMinutes),
    postBuffer: isoDuration(definition.postBufferMinutes),
  };
}
