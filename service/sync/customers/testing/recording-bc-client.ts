import { StaticTokenProvider } from '../../../clients/auth/static-token-provider';
import { BusinessCentralClient } from '../../../clients/business-central/business-central-client';
import type { SyncHarness } from '../../testing/sync-harness';

export interface RecordedCall {
  method: string;
  /** Path after the API base, query included, e.g. `/companies(…)/customers?$skiptoken=…` or `/$batch`. */
  path: string;
  /** For `$batch`: each operation's method and url. */
  operations: Array<{ method: string; url: string }>;
}

/**
 * A Business Central client on the harness's emulator that records every request it sends;
 * `answered` runs once each answer is in, before the client reads it (another run acting meanwhile).
 */
export function recordingBcClient(h: SyncHarness, answered?: (call: RecordedCall) => Promise<void>): { client: BusinessCentralClient; calls: RecordedCall[] } {
  const calls: RecordedCall[] = [];
  const client = new BusinessCentralClient({
    apiBaseUrl: h.bcApiBaseUrl,
    companyId: h.companyId,
    tokenProvider: new StaticTokenProvider(h.token),
    retry: { maxAttempts: 10, baseDelayMs: 5, maxDelayMs: 50, maxTotalDelayMs: 10_000 },
    fetch: async (input, init) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as { requests?: Array<{ method: string; url: string }> }) : undefined;
      const call: RecordedCall = {
        method: init?.method ?? 'GET',
        path: decodeURIComponent(url.slice(h.bcApiBaseUrl.length)),
        operations: (body?.requests ?? []).map((r) => ({ method: r.method, url: r.url })),
      };
      calls.push(call);
      const answer = await fetch(input, init);
      await answered?.(call);
      return answer;
    },
  });
  return { client, calls };
}
