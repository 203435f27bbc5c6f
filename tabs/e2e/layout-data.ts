import type { UnbilledResponse } from '../../contract/api-contract';
import type { SandboxApp } from '../../server/testing/sandbox-app';

/**
 * The first day (UTC date of the start) with appointments that can be invoiced and ones that cannot
 * yet, so one day's list holds both kinds of row: a reason, a hint and a price field beside plain rows.
 */
export async function dayWithBlockedAppointments(app: SandboxApp): Promise<string> {
  const response = await fetch(`${app.origin}/api/unbilled?state=unbilled&limit=500&offset=0`);
  if (!response.ok) throw new Error(`GET /api/unbilled answered ${response.status}: ${await response.text()}`);
  const { rows } = (await response.json()) as UnbilledResponse;
  const kinds = new Map<string, Set<boolean>>();
  for (const row of rows) {
    const day = row.start.slice(0, 10);
    kinds.set(day, (kinds.get(day) ?? new Set()).add(row.reasons.length > 0));
  }
  const day = [...kinds].find(([, seen]) => seen.size === 2)?.[0];
  if (!day) throw new Error(`no day with both ready and blocked appointments among ${rows.length} rows`);
  return day;
}
