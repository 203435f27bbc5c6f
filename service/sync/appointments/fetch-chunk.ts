import type { BookingsClient } from '../../clients/graph/bookings-client';
import type { BookingAppointment } from '../../clients/graph/schemas/booking-appointment';
import type { InvalidRecord } from '../../clients/http/parse-records';
import type { Chunk } from './sync-window';

export interface FetchedChunk {
  appointments: BookingAppointment[];
  invalid: InvalidRecord[];
}

/** Where a read's appointments belong: the span they start in, and whether it also keeps those that started before it. */
export type ChunkSpan = Pick<Chunk, 'start' | 'end' | 'takesOverlapping'>;

/**
 * Every appointment starting in the chunk (the recent window's first chunk also keeps those that started before the
 * window and overlap it), so an appointment spanning a chunk boundary belongs to exactly one chunk.
 * Lists may omit customers: those appointments are read again by id through `$batch`.
 */
export async function fetchChunk(bookings: BookingsClient, graphBusinessId: string, chunk: Chunk): Promise<FetchedChunk> {
  const listed: FetchedChunk = { appointments: [], invalid: [] };
  for await (const page of bookings.calendarViewPages(graphBusinessId, chunk.start, chunk.end)) {
    listed.appointments.push(...page.appointments);
    listed.invalid.push(...page.invalid);
  }
  return ownAppointments(bookings, graphBusinessId, chunk, listed);
}

/**
 * Of what a calendar read listed, the appointments that belong to `chunk` and that `wanted` keeps, each one
 * listed without its customers read again by id (null: cancelled between the list and the read, so not
 * seen; the vanish step decides). The sync takes a chunk's whole list; an invoice run takes page by page
 * only the appointments it selected.
 */
export async function ownAppointments(
  bookings: BookingsClient,
  graphBusinessId: string,
  chunk: ChunkSpan,
  listed: FetchedChunk,
  wanted: (id: string) => boolean = () => true,
): Promise<FetchedChunk> {
  const from = chunk.start.getTime();
  const until = chunk.end.getTime();
  const own = listed.appointments.filter((a) => wanted(a.id) && a.start.getTime() < until && (chunk.takesOverlapping || a.start.getTime() >= from));
  const withoutCustomers = own.filter((a) => a.customers.length === 0).map((a) => a.id);
  if (withoutCustomers.length === 0) return { appointments: own, invalid: listed.invalid };
  const reread = await bookings.getAppointmentsByIds(graphBusinessId, withoutCustomers);
  const refused = new Set(reread.invalid.flatMap((r) => (r.id === undefined ? [] : [r.id])));
  const appointments: BookingAppointment[] = [];
  for (const appointment of own) {
    if (refused.has(appointment.id)) continue;
    const fresh = reread.appointments.get(appointment.id);
    if (fresh === null) continue;
    appointments.push(fresh ?? appointment);
  }
  return { appointments, invalid: [...listed.invalid, ...reread.invalid] };
}
