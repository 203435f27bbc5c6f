const MAX = 160;
/** Said by the subject column or the page already. */
const LEFT_OUT = new Set(['businessId', 'number']);

function valueText(value: unknown): string | null {
  if (typeof value === 'string') return value === '' ? null : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value.length === 0 ? null : value.join(', ');
  return null;
}

/**
 * An audit entry's free-form details as one short line of readable text (never markup, never JSON):
 * its plain values as "name: value", setup changes by their paths. Nested records are left out.
 */
export function auditDetails(details: Record<string, unknown> | null): string {
  if (details === null) return '';
  const parts: string[] = [];
  for (const [key, value] of Object.entries(details)) {
    if (LEFT_OUT.has(key)) continue;
    if (key === 'changes' && Array.isArray(value)) {
      const paths = value.flatMap((c: unknown) => (typeof c === 'object' && c !== null && 'path' in c && typeof c.path === 'string' ? [c.path] : []));
      if (paths.length > 0) parts.push(`${key}: ${paths.join(', ')}`);
      continue;
    }
    const text = valueText(value);
    if (text !== null) parts.push(`${key}: ${text}`);
  }
  const text = parts.join(' · ');
  return text.length > MAX ? `${text.slice(0, MAX - 1)}…` : text;
}
