import { generateSandboxData } from './index';
import { resolveScale } from './scale';

describe('scale', () => {
  it('produces 100,000 appointments (within 1%) with valid references', () => {
    const business = generateSandboxData({ now: new Date('2026-06-15T10:30:00Z'), scale: { appointments: 100_000 } }).bookings.businesses[0];
    const appointments = business?.appointments ?? [];
    expect(Math.abs(appointments.length - 100_000)).toBeLessThanOrEqual(1_000);
    expect(business?.staffMembers.length).toBeGreaterThan(6);
    expect(business?.customers.length).toBeGreaterThan(400);
    const ids = new Set(appointments.map((a) => a.id));
    expect(ids.size).toBe(appointments.length);
    const staffIds = new Set(business?.staffMembers.map((s) => s.id));
    const customerIds = new Set(business?.customers.map((c) => c.id));
    expect(appointments.every((a) => a.staffMemberIds.every((id) => staffIds.has(id)))).toBe(true);
    expect(appointments.every((a) => a.customers.every((c) => customerIds.has(c.customerId)))).toBe(true);
  });

  it('hits a small target too', () => {
    const business = generateSandboxData({ now: new Date('2026-06-15T10:30:00Z'), scale: { appointments: 500 } }).bookings.businesses[0];
    expect(Math.abs((business?.appointments.length ?? 0) - 500)).toBeLessThanOrEqual(25);
  });

  it('takes explicit staff, customers and days', () => {
    const business = generateSandboxData({ now: new Date('2026-06-15T10:30:00Z'), scale: { staff: 2, customers: 60, daysBack: 10, daysAhead: 0 } }).bookings
      .businesses[0];
    expect(business?.staffMembers).toHaveLength(2);
    expect(business?.customers).toHaveLength(60);
    const first = Math.min(...(business?.appointments ?? []).map((a) => Date.parse(`${a.startDateTime.dateTime.slice(0, 19)}Z`)));
    expect(first).toBeGreaterThanOrEqual(Date.UTC(2026, 5, 5) - 2 * 3_600_000);
  });

  it('rejects a scale that is not a whole number', () => {
    expect(() => resolveScale({ appointments: -1 }, 20_000)).toThrow(RangeError);
    expect(() => resolveScale({ staff: 1.5 }, 20_000)).toThrow(RangeError);
  });
});
