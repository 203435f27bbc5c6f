import type { BookingsBusinessData } from '../graph/types';
import { SANDBOX_BUSINESS_ID, SPECIAL_CUSTOMERS, generateSandboxData } from './index';
import { durationMinutes, utcMs } from './test-support';

const DAY_MS = 86_400_000;
const NOW = new Date('2026-06-15T10:30:00Z');
const TODAY_MS = Date.UTC(2026, 5, 15);

function clinic(options: Parameters<typeof generateSandboxData>[0] = { now: NOW }): BookingsBusinessData {
  const business = generateSandboxData(options).bookings.businesses[0];
  if (!business) throw new Error('no business');
  return business;
}

describe('generateSandboxData: Bookings', () => {
  const data = clinic();
  const { appointments, customers, services, staffMembers } = data;
  const customersById = new Map(customers.map((customer) => [customer.id, customer]));

  it('is the same for the same seed and UTC day, and differs for another seed', () => {
    const random = jest.spyOn(Math, 'random').mockImplementation(() => {
      throw new Error('Math.random used');
    });
    try {
      const early = generateSandboxData({ seed: 1, now: new Date('2026-06-15T00:00:01Z') });
      const late = generateSandboxData({ seed: 1, now: new Date('2026-06-15T23:59:59Z') });
      expect(late).toEqual(early);
      expect(early.bookings.businesses[0]).toEqual(data);
      const other = generateSandboxData({ seed: 2, now: NOW }).bookings.businesses[0];
      expect(other?.appointments.map((a) => a.id)).not.toEqual(appointments.map((a) => a.id));
      expect(other?.customers.map((c) => c.displayName)).not.toEqual(customers.map((c) => c.displayName));
    } finally {
      random.mockRestore();
    }
  });

  it('keeps a past day the same when generated a day later', () => {
    const nextDay = clinic({ now: new Date(NOW.getTime() + DAY_MS) });
    const pastDay = (list: BookingsBusinessData['appointments']) =>
      list.filter((a) => a.startDateTime.dateTime.startsWith('2026-06-10')).map((a) => [a.id, a.startDateTime.dateTime, a.price, a.customers[0]?.customerId]);
    expect(pastDay(appointments).length).toBeGreaterThan(20);
    expect(pastDay(nextDay.appointments)).toEqual(pastDay(appointments));
  });

  it('describes the clinic: its business, 6 staff, 12 services and 400 customers', () => {
    expect(data.business).toMatchObject({ id: SANDBOX_BUSINESS_ID, displayName: 'Nordlys Fysioterapi', defaultCurrencyIso: 'DKK' });
    expect(staffMembers).toHaveLength(6);
    expect(services).toHaveLength(12);
    expect(customers).toHaveLength(400);
  });

  it('spans the days from 120 days back to 14 days ahead', () => {
    const starts = appointments.map((a) => utcMs(a.startDateTime));
    const first = Math.min(...starts);
    const last = Math.max(...starts);
    expect(first).toBeGreaterThanOrEqual(TODAY_MS - 120 * DAY_MS - 2 * 3_600_000);
    expect(first).toBeLessThan(TODAY_MS - 116 * DAY_MS);
    expect(last).toBeLessThan(TODAY_MS + 15 * DAY_MS);
    expect(last).toBeGreaterThan(TODAY_MS + 11 * DAY_MS);
    expect(starts.some((start) => start < TODAY_MS)).toBe(true);
    expect(starts.some((start) => start > TODAY_MS + DAY_MS)).toBe(true);
  });

  it('has one staff member on call on weekend mornings, for plain sessions at list price to ordinary patients', () => {
    const copenhagen = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen', dateStyle: 'short', timeStyle: 'short', hourCycle: 'h23' });
    const local = (a: (typeof appointments)[number]) => copenhagen.format(utcMs(a.startDateTime)); // 2026-02-14 09:00
    const byDay = new Map<string, typeof appointments>();
    for (const a of appointments) {
      const day = local(a).slice(0, 10);
      if ([0, 6].includes(new Date(`${day}T00:00:00Z`).getUTCDay())) byDay.set(day, [...(byDay.get(day) ?? []), a]);
    }
    // Sunday 15 February (120 days back) to Monday 29 June (14 ahead): 19 weekends and a Sunday.
    expect(byDay.size).toBe(39);
    const specialIds = new Set(customers.filter((c) => SPECIAL_CUSTOMERS.some((s) => s.name === c.displayName && s.email === c.emailAddress)).map((c) => c.id));
    for (const day of byDay.values()) {
      expect(day).toHaveLength(3);
      expect(new Set(day.map((a) => a.staffMemberIds.join()))).toHaveProperty('size', 1);
      for (const a of day) {
        expect(a.customers).toHaveLength(1);
        expect(specialIds.has(a.customers[0]?.customerId ?? '')).toBe(false);
        expect(a.customers[0]?.emailAddress).toMatch(/@/);
        expect(a.serviceName).not.toBe('Fysioterapi, opfølgning');
        expect(['fixedPrice', 'hourly']).toContain(a.priceType);
        expect(a.price).toBeGreaterThan(0);
        expect(local(a).slice(11)).toMatch(/^(09|1[0-3]):/);
      }
    }
    // The staff take turns by week.
    expect(new Set([...byDay.values()].map((day) => day[0]?.staffMemberIds[0])).size).toBeGreaterThan(3);
  });

  it('books each staff member several times a working day', () => {
    const perStaffDay = new Map<string, number>();
    const onWeekday = (a: (typeof appointments)[number]) => ![0, 6].includes(new Date(utcMs(a.startDateTime)).getUTCDay());
    for (const appointment of appointments.filter((a) => a.maximumAttendeesCount === 1 && onWeekday(a))) {
      const key = `${appointment.staffMemberIds[0]}|${appointment.startDateTime.dateTime.slice(0, 10)}`;
      perStaffDay.set(key, (perStaffDay.get(key) ?? 0) + 1);
    }
    const counts = [...perStaffDay.values()];
    expect(Math.min(...counts)).toBeGreaterThanOrEqual(5);
    expect(Math.max(...counts)).toBeLessThanOrEqual(7);
    expect(appointments.length).toBeGreaterThan(3000);
  });

  it('has every price type among services and appointments, including an hourly 50-minute service', () => {
    const expected = ['fixedPrice', 'hourly', 'startingAt', 'free', 'priceVaries', 'callUs', 'notSet', 'undefined'];
    expect(new Set(services.map((s) => s.defaultPriceType))).toEqual(new Set(expected));
    expect(new Set(appointments.map((a) => a.priceType))).toEqual(new Set(expected));
    expect(services.find((s) => s.displayName === 'Genoptræning 50 min')).toMatchObject({
      defaultPriceType: 'hourly',
      defaultPrice: 780,
      defaultDuration: 'PT50M',
    });
  });

  it('usually charges the service default, sometimes another price', () => {
    const defaults = new Map(services.map((s) => [s.id, s.defaultPrice]));
    const fixed = appointments.filter((a) => a.priceType === 'fixedPrice');
    const atDefault = fixed.filter((a) => a.price === defaults.get(a.serviceId)).length;
    expect(atDefault / fixed.length).toBeGreaterThan(0.85);
    expect(atDefault).toBeLessThan(fixed.length);
  });

  it('has group classes with several distinct customers', () => {
    const pilates = services.find((s) => s.displayName === 'Pilates hold');
    expect(pilates?.maximumAttendeesCount).toBe(8);
    const groups = appointments.filter((a) => a.serviceId === pilates?.id);
    expect(groups.length).toBeGreaterThan(20);
    for (const group of groups) {
      expect(group.customers.length).toBeGreaterThanOrEqual(3);
      expect(group.customers.length).toBeLessThanOrEqual(8);
      expect(group.filledAttendeesCount).toBe(group.customers.length);
      expect(new Set(group.customers.map((c) => c.customerId)).size).toBe(group.customers.length);
    }
  });

  it('has the special customers, each with appointments', () => {
    const booked = new Set(appointments.flatMap((a) => a.customers.map((c) => c.customerId)));
    for (const special of SPECIAL_CUSTOMERS) {
      const customer = customers.find((c) => c.displayName === special.name && c.emailAddress === special.email);
      expect(customer).toBeDefined();
      expect(booked.has(customer?.id ?? '')).toBe(true);
    }
    const names = customers.map((c) => c.displayName);
    for (const fragment of ['<b>Bo</b>', '*Stjerne*', '[link](x)', '&amp;', 'æ', 'ø', 'å', 'ü', 'é', '🌸']) {
      expect(names.some((name) => name.includes(fragment))).toBe(true);
    }
  });

  it('has customers without email (about 5%) and emails that differ only in case', () => {
    const withoutEmail = customers.filter((c) => c.emailAddress === '').length / customers.length;
    expect(withoutEmail).toBeGreaterThan(0.02);
    expect(withoutEmail).toBeLessThan(0.09);
    const byLowerCase = new Map<string, Set<string>>();
    for (const { emailAddress } of customers.filter((c) => c.emailAddress)) {
      byLowerCase.set(emailAddress.toLowerCase(), (byLowerCase.get(emailAddress.toLowerCase()) ?? new Set()).add(emailAddress));
    }
    expect([...byLowerCase.values()].filter((variants) => variants.size > 1).length).toBeGreaterThanOrEqual(3);
  });

  it('writes other Windows time zones into some appointments', () => {
    const zones = new Set(appointments.flatMap((a) => a.customers.map((c) => c.timeZone)));
    for (const zone of ['Romance Standard Time', 'GMT Standard Time', 'Pacific Standard Time', 'W. Europe Standard Time']) expect(zones).toContain(zone);
  });

  it('gives every record a unique id in Graph shape', () => {
    const appointmentIds = appointments.map((a) => a.id);
    expect(new Set(appointmentIds).size).toBe(appointmentIds.length);
    for (const id of appointmentIds) expect(id).toMatch(/^AAMkADc3[A-Za-z0-9+-]{80,}={0,2}$/);
    expect(appointmentIds.some((id) => id.endsWith('='))).toBe(true);
    expect(appointmentIds.some((id) => id.includes('+'))).toBe(true);
    const guids = [...staffMembers, ...services, ...customers].map((record) => record.id);
    expect(new Set(guids).size).toBe(guids.length);
    for (const guid of guids) expect(guid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('refers only to existing services, staff and customers, with the customer data copied', () => {
    const servicesById = new Map(services.map((s) => [s.id, s]));
    const staffIds = new Set(staffMembers.map((s) => s.id));
    for (const appointment of appointments) {
      const service = servicesById.get(appointment.serviceId);
      expect(service?.displayName).toBe(appointment.serviceName);
      for (const staffId of appointment.staffMemberIds) {
        expect(staffIds.has(staffId)).toBe(true);
        expect(service?.staffMemberIds).toContain(staffId);
      }
      expect(appointment.customers.length).toBeGreaterThan(0);
      for (const information of appointment.customers) {
        const customer = customersById.get(information.customerId);
        expect(information).toMatchObject({
          '@odata.type': '#microsoft.graph.bookingCustomerInformation',
          name: customer?.displayName,
          emailAddress: customer?.emailAddress,
        });
      }
    }
  });

  it('has UTC times with start before end and the duration between them', () => {
    for (const appointment of appointments) {
      expect(appointment.startDateTime.timeZone).toBe('UTC');
      expect(appointment.endDateTime.timeZone).toBe('UTC');
      expect(appointment.startDateTime.dateTime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00\.0000000$/);
      const minutes = (utcMs(appointment.endDateTime) - utcMs(appointment.startDateTime)) / 60_000;
      expect(minutes).toBeGreaterThan(0);
      expect(minutes).toBe(durationMinutes(appointment.duration));
      expect(Date.parse(appointment.createdDateTime)).toBeLessThanOrEqual(Date.parse(appointment.lastUpdatedDateTime));
      expect(Date.parse(appointment.createdDateTime)).toBeLessThan(utcMs(appointment.startDateTime));
      expect(Date.parse(appointment.lastUpdatedDateTime)).toBeLessThanOrEqual(TODAY_MS);
    }
  });

  it('keeps Copenhagen business hours across the spring DST change', () => {
    // The window of 2026-04-10 reaches back past 2026-03-29, when Copenhagen went from UTC+1 to UTC+2.
    const spring = clinic({ now: new Date('2026-04-10T12:00:00Z') });
    const change = Date.UTC(2026, 2, 29, 1);
    const localMinutes = (startMs: number, offsetHours: number) => (((startMs / 60_000 + offsetHours * 60) % 1440) + 1440) % 1440;
    const winter = spring.appointments
      .map((a) => utcMs(a.startDateTime))
      .filter((ms) => ms < change)
      .map((ms) => localMinutes(ms, 1));
    const summer = spring.appointments
      .map((a) => utcMs(a.startDateTime))
      .filter((ms) => ms > change)
      .map((ms) => localMinutes(ms, 2));
    expect(Math.min(...winter)).toBe(7 * 60 + 30);
    expect(Math.min(...summer)).toBe(7 * 60 + 30);
    expect(Math.max(...winter)).toBeLessThan(19 * 60);
    expect(Math.max(...summer)).toBeLessThan(19 * 60);
  });
});
