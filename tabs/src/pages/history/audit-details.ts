const MAX = 160;

/** An audit entry's free-form details as one short line of text (never markup). */
export function auditDetails(details: unknown): string {
  if (details === null || details === undefined) return '';
  const text = typeof details === 'string' ? details : JSON.stringify(details);
  if (text === '{}' || text === '[]') return '';
  return text.length > MAX ? `${text.slice(0, MAX - 1)}…` : text;
}
