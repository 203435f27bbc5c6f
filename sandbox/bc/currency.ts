import { applicationError } from './errors';
import type { CompanyState } from './state';

/**
 * A currency code as the API shows it: BC stores the local currency as blank and translates it
 * back to the local code on read, so blank and the local code both mean local currency.
 */
export function resolveCurrencyCode(company: CompanyState, code: string): string {
  const local = company.companyInformation.currencyCode.toUpperCase();
  const upper = code.trim().toUpperCase();
  if (upper === '' || upper === local) return local;
  if (!company.currencies.includes(upper)) throw applicationError('The "currencyCode" does not match to a Currency.');
  return upper;
}
