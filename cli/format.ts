import type { Who } from '../service/history/who';
import { formatLocalDateTime } from '../service/domain/local-day';
import { fromMinor, minorDigits } from '../service/domain/money';

export interface MoneyLike {
  minor: number;
  currency: string;
}

export function formatMoney(money: MoneyLike | null | undefined): string {
  if (!money) return '';
  // A currency Intl does not know (a stored code someone mistyped) still shows, in hundredths.
  if (!/^[A-Z]{3}$/.test(money.currency)) return `${money.currency} ${(money.minor / 100).toFixed(2)}`.trim();
  const digits = minorDigits(money.currency);
  // Thousands grouped, in the CLI's one (English) locale: DKK 687,330.66.
  const number = new Intl.NumberFormat('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(
    fromMinor(money.minor, money.currency),
  );
  return `${money.currency} ${number}`;
}

/** `2026-11-02 09:30` in the given IANA time zone. */
export function formatLocal(iso: string, timeZone: string): string {
  return formatLocalDateTime(new Date(iso), timeZone);
}

/** Who acted, in the CLI's English: a remembered name, or what kind of actor it was; never the raw id. */
export function formatWho(who: Who): string {
  switch (who.kind) {
    case 'person':
      return who.name;
    case 'cli':
      return 'Command line';
    case 'sandbox':
      return 'Sandbox user';
    case 'scheduler':
      return 'Scheduler';
    case 'daily-summary':
      return 'Daily summary';
    case 'sync':
      return 'Sync';
    case 'system':
      return 'System';
    case 'someone':
      return 'Someone';
    default: {
      const unknown: never = who;
      return String(unknown);
    }
  }
}
