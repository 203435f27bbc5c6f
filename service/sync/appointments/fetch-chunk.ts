import type { BookingsClient } from '../../clients/graph/bookings-client';
import type { BookingAppointment } from '../../clients/graph/schemas/booking-appointment';
import type { InvalidRecord } from '../../clients/http/parse-records';
import type { Chunk } from './sync-window';

export interface FetchedChunk {
  appointments: BookingAppointment[];
  invalid: InvalidRecord[];
}

/**
 * Every appointment starting in the chunk (the recent window's first chunk also keeps those that started before the
 * window and overlap it), so an appointment spanning a chunk boundary belongs to exactly one chunk.
 * Lists may omit customers: those appointments are read again by id through `$batch`.
 */
export async function fetchChunk(bookings: BookingsClient, graphBusinessId: string, chunk: Chunk): Promise<FetchedChunk> {
  const listed: BookingAppointment[] = [];
  const invalid: InvalidRecord[] = [];
  for await (const page of bookings.calendarViewPages(graphBusinessId, chunk.start, chunk.end)) {
    listed.push(...page.appointments);
    invalid.push(...page.invalid);
  }
  const from = chunk.start.getTime();
  const until = chunk.end.getTime();
  const own = listed.filter((a) => a.start.getTime() < until && (chunk.takesOverlapping || a.start.getTime() >= from));

  const withoutCustomers = own.filter((a) => a.customers.length === 0).map((a) => a.id);
  if (withoutCustomers.length === 0) return { appointments: own, invalid };
  const reread = await bookings.getAppointmentsByIds(graphBusinessId, withoutCustomers);
  const refused = new Set(reread.invalid.flatMap((r) => (r.id === undefined ? [] : [r.id])));
  const appointments: BookingAppointment[] = [];
  for (const appointment of own) {
    if (refused.has(appointment.id)) continue;
    const fresh = reread.appointments.get(appointment.id);
    // null: cancelled between the list and the read, so not seen; the vanish step decides.
    if (fresh === null) continue;
    appointments.push(fresh ?? appointment);
  }
  return { appointments, invalid: [...invalid, ...reread.invalid] };
}
