import type { BookingService } from '../../clients/graph/schemas/booking-service';
import { isoDurationToMs } from '../../clients/graph/iso-duration';
import { toMinor } from '../../domain/money';
import { stripNul } from '../customers/bc-text';
import type { Reject } from '../customers/record-rejects';

/** A Bookings service as the `services` table keeps it. */
export interface ServiceRecord {
  id: string;
  displayName: string;
  defaultPriceMinor: number | null;
  currency: string;
  priceType: string;
  defaultDurationMinutes: number | null;
}

const MAX_NAME_LENGTH = 1_000;

/** Bookings services as stored rows (prices in minor units of the business's currency), and the refused ones. */
export function toServiceRecords(services: readonly BookingService[], currency: string): { records: ServiceRecord[]; rejects: Reject[] } {
  const records: ServiceRecord[] = [];
  const rejects: Reject[] = [];
  const seen = new Set<string>();
  for (const service of services) {
    const id = stripNul(service.id);
    const reject = (reason: string) => rejects.push({ entity: 'bookingService', recordId: id, reason });
    const price = service.defaultPrice;
    if (id !== service.id) reject('The id contains a NUL character');
    else if (seen.has(id)) reject('The id appears twice in the service list');
    else if (service.displayName.length > MAX_NAME_LENGTH) reject(`The name is ${service.displayName.length} characters long (at most ${MAX_NAME_LENGTH})`);
    else if (price !== null && (!Number.isFinite(price) || price < 0)) reject(`The default price ${price} is not a valid price`);
    else {
      seen.add(id);
      const durationMs = service.defaultDuration === null ? undefined : isoDurationToMs(service.defaultDuration);
      records.push({
        id,
        displayName: stripNul(service.displayName),
        defaultPriceMinor: price === null ? null : toMinor(price, currency),
        currency,
        priceType: service.defaultPriceType,
        defaultDurationMinutes: durationMs === undefined ? null : Math.round(durationMs / 60_000),
      });
    }
  }
  return { records, rejects };
}
