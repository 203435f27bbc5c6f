import type { BookingPriceType } from '../graph/types';
import type { Rng } from './prng';
import type { ServiceDefinition } from './services';

export interface AppointmentTerms {
  minutes: number;
  price: number;
  priceType: BookingPriceType;
}

/**
 * What one booking of the service was agreed at. Usually the service's defaults; sometimes a discount or
 * surcharge, a longer or shorter hourly session, a price typed into a service that has none, or a
 * goodwill session booked as free.
 */
export function termsFor(service: ServiceDefinition, rng: Rng): AppointmentTerms {
  let minutes = service.minutes;
  if (service.priceType === 'hourly' && rng.chance(0.1)) minutes += rng.pick([-10, 10, 15, 25]);
  const roll = rng.next();
  switch (service.priceType) {
    case 'fixedPrice':
    case 'hourly':
      if (roll < 0.01) return { minutes, price: 0, priceType: 'free' };
      if (roll < 0.08) return { minutes, price: Math.round(service.price * rng.pick([0.8, 0.9, 1.1])), priceType: service.priceType };
      return { minutes, price: service.price, priceType: service.priceType };
    case 'startingAt':
      return { minutes, price: roll < 0.55 ? service.price : rng.pick([550, 650, 725.5]), priceType: 'startingAt' };
    case 'priceVaries':
      return { minutes, price: roll < 0.4 ? 0 : rng.pick([1800, 2400, 2437.5]), priceType: 'priceVaries' };
    case 'callUs':
    case 'notSet':
    case 'undefined':
    case 'unknownFutureValue':
      return { minutes, price: roll < 0.9 ? service.price : rng.pick([450, 600]), priceType: service.priceType };
    case 'free':
      return { minutes, price: 0, priceType: 'free' };
  }
}
