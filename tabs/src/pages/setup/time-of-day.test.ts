import { setupSchema } from '../../../../contract/api-contract';
import { normalizeTimeOfDay } from './time-of-day';

describe('normalizeTimeOfDay', () => {
  it('makes what people type a 24-hour HH:MM', () => {
    expect(normalizeTimeOfDay('7:30')).toBe('07:30');
    expect(normalizeTimeOfDay('7.30')).toBe('07:30');
    expect(normalizeTimeOfDay(' 730 ')).toBe('07:30');
    expect(normalizeTimeOfDay('1945')).toBe('19:45');
    expect(normalizeTimeOfDay('00:05')).toBe('00:05');
    expect(normalizeTimeOfDay('23:59')).toBe('23:59');
  });

  it('leaves what is no time as typed, so validation names it', () => {
    for (const typed of ['7:30 PM', '24:00', '12:60', 'seven', '', '7:3']) expect(normalizeTimeOfDay(typed)).toBe(typed);
    const summary = (time: string) => setupSchema.safeParse({ businessId: 'salon@contoso.onmicrosoft.com', dailySummary: { time } });
    expect(summary(normalizeTimeOfDay('7:30 PM')).error?.issues[0]?.message).toBe('Use a 24-hour time such as 07:30');
    expect(summary(normalizeTimeOfDay('7.30')).success).toBe(true);
  });
});
