import type { Api } from './api';

/** The reads a page makes as it opens: asked before React and the pages have loaded. */
type Reads = Pick<Api, 'setup' | 'unbilled' | 'catalog' | 'syncRuns'>;
type ReadName = keyof Reads;
export type EarlyRead = { [K in ReadName]: [K, ...Parameters<Reads[K]>] }[ReadName];

/**
 * React and the pages are most of the bundle; the first page's data need not wait for them. The reads
 * named here are asked at once, and the first identical call (same method, same arguments) gets the
 * answer already on its way. Each answer is handed out once, so any later call (a reload, a retry) asks
 * the server again; a read the page never makes is simply not used. Only reads: nothing changes.
 */
export function withEarlyReads(api: Api, reads: readonly EarlyRead[]): Api {
  const started = new Map<string, Promise<unknown>>();
  const keyOf = (read: readonly unknown[]) => JSON.stringify(read);
  for (const read of reads) {
    const [name, ...args] = read;
    const answer = (api[name] as (...a: unknown[]) => Promise<unknown>)(...args);
    // A failure is reported to the call that takes it; one never taken must not surface as unhandled.
    answer.catch(() => undefined);
    started.set(keyOf(read), answer);
  }
  function take<T>(read: EarlyRead, ask: () => Promise<T>): Promise<T> {
    const key = keyOf(read);
    const answer = started.get(key);
    if (answer === undefined) return ask();
    started.delete(key);
    return answer as Promise<T>;
  }
  const early: Reads = {
    setup: () => take(['setup'], () => api.setup()),
    unbilled: (query) => take(['unbilled', query], () => api.unbilled(query)),
    catalog: () => take(['catalog'], () => api.catalog()),
    syncRuns: (limit) => take(['syncRuns', limit], () => api.syncRuns(limit)),
  };
  // Every other method is the api's own, called on it (an Api may be a class instance).
  return new Proxy(api, {
    get(target, name) {
      if (typeof name === 'string' && Object.hasOwn(early, name)) return early[name as ReadName];
      const value: unknown = Reflect.get(target, name, target);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}
