import { API, type Endpoint } from '../../../contract/endpoints';
import { API_ROUTES } from '.';

describe('the API routes', () => {
  it('serve every endpoint of the contract once, and nothing beside them', () => {
    const served = API_ROUTES.map((route) => route.endpoint);
    const described: readonly Endpoint[] = Object.values(API);
    expect(new Set(served).size).toBe(served.length);
    expect(served.filter((endpoint) => !described.includes(endpoint))).toEqual([]);
    expect(described.filter((endpoint) => !served.includes(endpoint)).map((e) => `${e.method} ${e.path}`)).toEqual([]);
    // Two endpoints on one method and path would leave the second unreachable.
    const keys = served.map((e) => `${e.method} ${e.path}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
