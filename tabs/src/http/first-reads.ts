import type { UnbilledQuery } from '../../../contract/api-contract';
import type { Api } from './api';

/**
 * The Unbilled page's reads (its list page, the catalog, the latest sync and the setup), asked for as
 * soon as the tab's script runs instead of from the effects of React's first commit, so the server
 * answers them while the page renders its frame. Each answer goes to the first call that asks the same,
 * once; every later call asks the server. Only for a tab opened on the Unbilled page, whose first commit
 * asks all of them at once: an answer is never handed out long after it was read.
 */
export function withFirstReads(api: Api, unbilled: UnbilledQuery): Api {
  const once = <T>(read: () => Promise<T>): (() => Promise<T> | null) => {
    let started: Promise<T> | null = read();
    // A failure is reported to the caller it is handed to, not as an unhandled rejection meanwhile.
    started.catch(() => undefined);
    return () => {
      const answer = started;
      started = null;
      return answer;
    };
  };
  const key = JSON.stringify(unbilled);
  const firstPage = once(() => api.unbilled(unbilled));
  const setup = once(() => api.setup());
  const catalog = once(() => api.catalog());
  const latestSync = once(() => api.syncRuns(1));
  // The user's name and roles: httpApi keeps that answer itself.
  api.me().catch(() => undefined);
  const primed: Partial<Api> = {
    unbilled: (query) => (JSON.stringify(query) === key ? firstPage() : null) ?? api.unbilled(query),
    setup: () => setup() ?? api.setup(),
    catalog: () => catalog() ?? api.catalog(),
    syncRuns: (limit) => (limit === 1 ? latestSync() : null) ?? api.syncRuns(limit),
  };
  // Every other call goes to the API as it is, whatever kind of object implements it.
  return new Proxy(api, {
    get: (target, name, receiver) => {
      if (typeof name === 'string' && Object.hasOwn(primed, name)) return primed[name as keyof Api];
      const value: unknown = Reflect.get(target, name, receiver);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
