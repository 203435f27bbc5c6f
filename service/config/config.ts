import path from 'node:path';
import { z } from 'zod';
import { ConfigError } from './config-error';
import { loadEnv, type Env } from './env-files';

const url = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).transform((u) => u.replace(/\/+$/, ''));
const nonEmpty = z.string().trim().min(1, 'must not be empty');

const rawSchema = z
  .object({
    APP_ENV: nonEmpty,
    PORT: z.coerce.number({ error: 'must be a port number' }).int().min(0).max(65535).default(3978),
    DATABASE_URL: nonEmpty.default('.data/bookings.db'),
    GRAPH_BASE_URL: url.default('https://graph.microsoft.com/v1.0'),
    BC_API_BASE_URL: url,
    BOOKINGS_BUSINESS_ID: nonEmpty,
    BC_COMPANY_ID: z.uuid({ error: 'must be a company id (GUID)' }).optional(),
    AUTH_MODE: z.enum(['msal', 'static'], { error: 'must be msal or static' }),
    AAD_TENANT_ID: nonEmpty.optional(),
    AAD_CLIENT_ID: nonEmpty.optional(),
    AAD_CLIENT_SECRET: nonEmpty.optional(),
    STATIC_ACCESS_TOKEN: nonEmpty.optional(),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    SANDBOX_CLOCK_START: z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time, e.g. 2026-11-25T10:00:00Z' }).optional(),
    SANDBOX_HTTP_TIMEOUT_MS: z.coerce.number({ error: 'must be a number of milliseconds' }).int().min(100).max(300_000).optional(),
    // National clouds have their own Entra and Bot Framework hosts; tests point these at local stand-ins.
    ENTRA_AUTHORITY_HOST: url.default('https://login.microsoftonline.com'),
    BOT_OPENID_METADATA_URL: url.default('https://login.botframework.com/v1/.well-known/openidconfiguration'),
    BOOTSTRAP_ADMIN_OID: z
      .guid({ error: "must be the first admin's Entra object id (a GUID)" })
      .transform((v) => v.toLowerCase())
      .optional(),
    HOST: nonEmpty.optional(),
    TRUSTED_PROXY_HOPS: z.coerce.number({ error: 'must be a number of proxies' }).int().min(0).max(5).default(0),
  })
  .superRefine((env, ctx) => {
    const need = (key: keyof typeof env, why: string) => {
      if (!env[key]) ctx.addIssue({ code: 'custom', path: [key], message: `is required ${why}` });
    };
    if (env.AUTH_MODE === 'msal') {
      need('AAD_TENANT_ID', 'when AUTH_MODE=msal');
      need('AAD_CLIENT_ID', 'when AUTH_MODE=msal');
      need('AAD_CLIENT_SECRET', 'when AUTH_MODE=msal (put it in env/.env.<name>.user or the environment)');
    } else {
      need('STATIC_ACCESS_TOKEN', 'when AUTH_MODE=static');
    }
  });

export type Store = { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };

export interface Config {
  appEnv: string;
  port: number;
  /** Sandbox: both APIs are served by the local emulators on loopback, started by this process. */
  mode: 'sandbox' | 'live';
  store: Store;
  graph: { baseUrl: string; businessId: string };
  bc: { apiBaseUrl: string; companyId: string | undefined };
  auth: { mode: 'static'; token: string } | { mode: 'msal'; tenantId: string; clientId: string; clientSecret: string };
  logLevel: z.infer<typeof rawSchema>['LOG_LEVEL'];
  /** Sandbox only: the app, the seed and the emulators run as of this instant (then time passes as usual). */
  clockStart: Date | undefined;
  /** Sandbox only: the Graph and Business Central clients' request timeout (the chaos suite outlasts it with slow emulators). */
  httpTimeoutMs?: number;
  security: {
    entraAuthorityHost: string;
    botOpenIdMetadataUrl: string;
    bootstrapAdminOid: string | undefined;
  };
  /** The interface the app listens on: sandbox mode binds loopback unless HOST says otherwise (with a loud warning). */
  host: string | undefined;
  /** Reverse proxies in front of the app (App Service's front end: 1) whose X-Forwarded-For entries name the client. */
  trustedProxyHops: number;
}

export { ConfigError };

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);
const isLoopback = (u: string) => LOOPBACK.has(new URL(u).hostname);

function storeFrom(databaseUrl: string, rootDir: string): Store {
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) return { kind: 'postgres', url: databaseUrl };
  const file = databaseUrl.replace(/^sqlite:(\/\/)?/, '');
  return { kind: 'sqlite', file: file === ':memory:' ? file : path.resolve(rootDir, file) };
}

/** Parses an environment into the typed configuration; the first problem is thrown as a one-line ConfigError. */
export function parseConfig(env: Env, rootDir: string): Config {
  const parsed = rawSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const variable = String(issue.path[0] ?? 'environment');
    const problem = issue.code === 'invalid_type' && env[variable] === undefined ? 'is required' : issue.message;
    throw new ConfigError(variable, problem);
  }
  const e = parsed.data;
  const mode = isLoopback(e.GRAPH_BASE_URL) && isLoopback(e.BC_API_BASE_URL) ? 'sandbox' : 'live';
  // A business's books must carry the real date: only the emulators may be run as of another day.
  if (e.SANDBOX_CLOCK_START !== undefined && mode === 'live') throw new ConfigError('SANDBOX_CLOCK_START', 'is only allowed in sandbox mode');
  if (e.SANDBOX_HTTP_TIMEOUT_MS !== undefined && mode === 'live') throw new ConfigError('SANDBOX_HTTP_TIMEOUT_MS', 'is only allowed in sandbox mode');
  return {
    appEnv: e.APP_ENV,
    port: e.PORT,
    mode,
    store: storeFrom(e.DATABASE_URL, rootDir),
    graph: { baseUrl: e.GRAPH_BASE_URL, businessId: e.BOOKINGS_BUSINESS_ID },
    bc: { apiBaseUrl: e.BC_API_BASE_URL, companyId: e.BC_COMPANY_ID },
    auth:
      e.AUTH_MODE === 'static'
        ? { mode: 'static', token: e.STATIC_ACCESS_TOKEN! }
        : { mode: 'msal', tenantId: e.AAD_TENANT_ID!, clientId: e.AAD_CLIENT_ID!, clientSecret: e.AAD_CLIENT_SECRET! },
    logLevel: e.LOG_LEVEL,
    clockStart: e.SANDBOX_CLOCK_START === undefined ? undefined : new Date(e.SANDBOX_CLOCK_START),
    ...(e.SANDBOX_HTTP_TIMEOUT_MS === undefined ? {} : { httpTimeoutMs: e.SANDBOX_HTTP_TIMEOUT_MS }),
    security: {
      entraAuthorityHost: e.ENTRA_AUTHORITY_HOST,
      botOpenIdMetadataUrl: e.BOT_OPENID_METADATA_URL,
      bootstrapAdminOid: e.BOOTSTRAP_ADMIN_OID,
    },
    host: e.HOST,
    trustedProxyHops: e.TRUSTED_PROXY_HOPS,
  };
}

export const PROJECT_ROOT = path.resolve(__dirname, '..', '..');

/** The configuration of this process: env files plus the process environment. */
export function loadConfig(processEnv: Env = process.env, rootDir: string = PROJECT_ROOT): Config {
  return parseConfig(loadEnv(processEnv, rootDir), rootDir);
}
