import { z } from 'zod';

/**
 * Which Entra tenants may use the app: the home tenant (AAD_TENANT_ID) and ALLOWED_TENANT_IDS.
 * `anyInSandbox` is true only in sandbox mode without a home tenant: every caller there is on
 * loopback (the playground, the developer's browser), whose made-up tenant ids mean nothing.
 */
export interface Tenants {
  home: string | undefined;
  allowed: ReadonlySet<string>;
  anyInSandbox: boolean;
}

export class TenantConfigError extends Error {
  override readonly name = 'TenantConfigError';
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`Configuration error: ${variable} ${problem}`);
  }
}

const guid = z.guid();
const blank = (v: string | undefined) => v === undefined || v.trim() === '';

function guidOrThrow(variable: string, value: string, what: string): string {
  const trimmed = value.trim().toLowerCase();
  // The token's and the activity's tid is always a GUID, so a domain name here could never match.
  if (!guid.safeParse(trimmed).success) throw new TenantConfigError(variable, `must be ${what} (a GUID)`);
  return trimmed;
}

export function readTenants(env: Readonly<Record<string, string | undefined>>, mode: 'sandbox' | 'live'): Tenants {
  const homeText = env['AAD_TENANT_ID'];
  const home = blank(homeText) ? undefined : guidOrThrow('AAD_TENANT_ID', homeText!, 'the tenant id, not its domain name,');
  const extra = (env['ALLOWED_TENANT_IDS'] ?? '')
    .split(',')
    .filter((id) => id.trim() !== '')
    .map((id) => guidOrThrow('ALLOWED_TENANT_IDS', id, 'a comma-separated list of tenant ids'));
  const allowed = new Set([...(home ? [home] : []), ...extra]);
  return { home, allowed, anyInSandbox: mode === 'sandbox' && home === undefined };
}

/** Whether a tenant id (from a verified token or activity) may use the app at all. */
export function isAllowedTenant(tenants: Tenants, tenantId: string | null | undefined): boolean {
  if (tenants.anyInSandbox) return true;
  return typeof tenantId === 'string' && tenants.allowed.has(tenantId.toLowerCase());
}
