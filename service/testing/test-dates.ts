/**
 * The instant test harnesses run at unless a suite chooses its own: a Wednesday morning in
 * Copenhagen, clear of month ends and clock changes. Suites about those pick their dates themselves
 * (the date sweep runs the calendar's edge cases).
 */
export const DEFAULT_TEST_NOW = new Date('2026-11-25T10:00:00.000Z');
