// Weeks, days and time parts only: years and months have no fixed length, and Bookings never uses them.
const DURATION = /^P(?!$)(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?=\d)(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

export function isIsoDuration(text: string): boolean {
  return DURATION.test(text);
}

/** Milliseconds of an ISO 8601 duration such as `PT1H30M` or `P1D`; undefined if it is not one. */
export function isoDurationToMs(text: string): number | undefined {
  const m = DURATION.exec(text);
  if (!m) return undefined;
  const [, w, d, h, mi, s] = m.map((v) => (v === undefined ? 0 : Number(v)));
  return Math.round(((((w ?? 0) * 7 + (d ?? 0)) * 24 + (h ?? 0)) * 60 + (mi ?? 0)) * 60_000 + (s ?? 0) * 1000);
}
