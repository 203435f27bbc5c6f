import { minorDigits } from '../../../../service/domain/money';

/**
 * A typed amount in minor units: "450", "450.50", "450,50", "1.250,50", "1,250.50" or "1 250"; null
 * when it is not one. Parsed as text, so no float rounding slips in. With both separators the last is
 * the decimal one; a lone separator followed by exactly three digits groups thousands.
 */
export function parseTypedPrice(text: string, currency: string): number | null {
  const digits = minorDigits(currency);
  const compact = text.replace(/[\s\u00a0]/g, '');
  if (!/^\d[\d.,]*$/.test(compact)) return null;
  const last = Math.max(compact.lastIndexOf('.'), compact.lastIndexOf(','));
  const tail = last < 0 ? '' : compact.slice(last + 1);
  const separators = compact.match(/[.,]/g) ?? [];
  const decimal = last >= 0 && (new Set(separators).size === 2 || (separators.length === 1 && tail.length !== 3));
  const grouped = decimal ? compact.slice(0, last) : compact;
  if (grouped.split(/[.,]/).some((group, i) => i > 0 && group.length !== 3)) return null;
  const whole = grouped.replace(/[.,]/g, '');
  const fraction = decimal ? tail : '';
  if (whole === '' || !/^\d*$/.test(fraction) || fraction.length > digits || (decimal && fraction === '')) return null;
  const minor = Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
  return Number.isSafeInteger(minor) ? minor : null;
}
