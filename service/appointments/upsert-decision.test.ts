import type { AppointmentState } from '../domain/appointment';
import { contentHash, type AppointmentRecord } from './appointment-record';
import { decideUpsert, type StoredAppointment } from './upsert-decision';

const record: AppointmentRecord = {
  id: 'a1',
  businessId: 'clinic@example.com',
  start: new Date('2026-03-10T09:00:00Z'),
  end: new Date('2026-03-10T09:45:00Z'),
  durationMinutes: 45,
  serviceId: 's1',
  serviceName: 'Massage',
  staffMemberIds: ['st1'],
  attendees: [{ customerId: 'c1', name: 'Anna', email: 'anna@example.com', timeZone: 'Europe/Copenhagen' }],
  priceMinor: 49_500,
  currency: 'DKK',
  priceType: 'fixedPrice',
  graphLastUpdated: null,
};

const stored = (state: AppointmentState, reviewReason: string | null = null, values = record): StoredAppointment => ({
  state,
  reviewReason,
  contentHash: contentHash(values),
  record: values,
});

const moved = { ...record, start: new Date('2026-03-11T09:00:00Z'), end: new Date('2026-03-11T09:45:00Z') };
const repriced = { ...moved, priceMinor: 60_000 };

describe('decideUpsert', () => {
  it('inserts what is new and leaves what is the same', () => {
    expect(decideUpsert(undefined, record, contentHash(record))).toEqual({ kind: 'insert' });
    expect(decideUpsert(stored('unbilled'), record, contentHash(record))).toEqual({ kind: 'unchanged' });
  });

  it('follows Bookings on unbilled and excluded appointments, keeping their state', () => {
    expect(decideUpsert(stored('unbilled'), moved, contentHash(moved))).toEqual({ kind: 'replace', state: 'unbilled' });
    expect(decideUpsert(stored('excluded'), moved, contentHash(moved))).toEqual({ kind: 'replace', state: 'excluded' });
  });

  it('brings a cancelled appointment that shows up again back to unbilled, changed or not', () => {
    expect(decideUpsert(stored('cancelled'), record, contentHash(record))).toEqual({ kind: 'replace', state: 'unbilled' });
    expect(decideUpsert(stored('cancelled'), moved, contentHash(moved))).toEqual({ kind: 'replace', state: 'unbilled' });
  });

  it.each(['claimed', 'invoiced'] as const)('keeps a %s appointment and names what changed for review', (state) => {
    expect(decideUpsert(stored(state), repriced, contentHash(repriced))).toEqual({
      kind: 'flag',
      reviewReason: 'Changed in Bookings after invoicing: time, price',
    });
    expect(decideUpsert(stored(state), record, contentHash(record))).toEqual({ kind: 'unchanged' });
  });

  it('does not flag again what is already flagged for the same change', () => {
    const flagged = stored('invoiced', 'Changed in Bookings after invoicing: time');
    expect(decideUpsert(flagged, moved, contentHash(moved))).toEqual({ kind: 'unchanged' });
    expect(decideUpsert(flagged, repriced, contentHash(repriced))).toMatchObject({ kind: 'flag' });
  });
});
