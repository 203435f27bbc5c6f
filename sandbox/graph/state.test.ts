import { mulberry32 } from '../seed/prng';
import { BusinessState } from './state';
import { appointment, business, BUSINESS_ID } from './test-support';
import type { BookingAppointment } from './types';

const HOUR = 3_600_000;
const BASE = Date.UTC(2026, 2, 1);
const graphTime = (ms: number) => ({ dateTime: new Date(ms).toISOString().replace('Z', '0000'), timeZone: 'UTC' });

/** Appointment `n` from `startMs`, `hours` long. */
function at(n: number, startMs: number, hours: number): BookingAppointment {
  return { ...appointment(n), startDateTime: graphTime(startMs), endDateTime: graphTime(startMs + hours * HOUR) };
}

/** What calendarView must answer: every appointment overlapping [start, end), by start then id. */
function expected(all: ReadonlyMap<string, BookingAppointment>, start: number, end: number): string[] {
  const span = (a: BookingAppointment) =>
    [Date.parse(`${a.startDateTime.dateTime.slice(0, 23)}Z`), Date.parse(`${a.endDateTime.dateTime.slice(0, 23)}Z`)] as const;
  return [...all.values()]
    .filter((a) => span(a)[0] < end && span(a)[1] > start)
    .sort((a, b) => span(a)[0] - span(b)[0] || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((a) => a.id);
}

describe('BusinessState keeps its calendar order across writes', () => {
  it('answers every window as a full scan would, while appointments are created, moved, lengthened and cancelled', () => {
    const random = mulberry32(14);
    const pick = (n: number) => Math.floor(random() * n);
    const all = new Map<string, BookingAppointment>();
    for (let n = 0; n < 200; n++) {
      const a = at(n, BASE + pick(60 * 24) * HOUR, 1 + pick(3));
      all.set(a.id, a);
    }
    const state = new BusinessState({ ...business(BUSINESS_ID, 0), appointments: [...all.values()] });
    let created = 200;
    for (let step = 0; step < 300; step++) {
      const ids = [...all.keys()];
      const kind = pick(4);
      if (kind === 0) {
        const a = at(created++, BASE + pick(60 * 24) * HOUR, 1 + pick(3));
        all.set(a.id, a);
        state.putAppointment(a);
      } else if (kind === 1 || kind === 2) {
        // A move, or (now and then) a multi-day appointment: the window's look-back must widen for it.
        const id = ids[pick(ids.length)]!;
        const moved = { ...at(0, BASE + pick(60 * 24) * HOUR, kind === 2 && pick(10) === 0 ? 72 : 1 + pick(3)), id };
        all.set(id, moved);
        state.putAppointment(moved);
      } else {
        const id = ids[pick(ids.length)]!;
        all.delete(id);
        expect(state.removeAppointment(id)).toBe(true);
      }
      const start = BASE + pick(60 * 24) * HOUR;
      const end = start + (1 + pick(24 * 7)) * HOUR;
      expect(state.appointmentsOverlapping(start, end).map((a) => a.id)).toEqual(expected(all, start, end));
    }
    expect(state.appointmentList().map((a) => a.id)).toEqual(expected(all, -Infinity, Infinity));
  });

  it('keeps an appointment whose times cannot be read out of every window, and lists it last', () => {
    const unreadable = { ...at(1, BASE, 1), startDateTime: { dateTime: '2026-03-01T09:00:00', timeZone: 'Mars Standard Time' } };
    const state = new BusinessState({ ...business(BUSINESS_ID, 0), appointments: [unreadable, at(2, BASE + HOUR, 1)] });
    expect(state.appointmentsOverlapping(BASE - 24 * HOUR, BASE + 24 * HOUR).map((a) => a.id)).toEqual([at(2, 0, 1).id]);
    state.putAppointment(at(3, BASE - HOUR, 1));
    expect(state.appointmentList().map((a) => a.id)).toEqual([at(3, 0, 1).id, at(2, 0, 1).id, unreadable.id]);
    expect(state.removeAppointment('AAMkAD-no-such==')).toBe(false);
  });
});
