import restify from 'restify';
import { listen } from '../http-server';
import { registerLegalPages } from './legal-pages';

describe('/privacy and /terms', () => {
  const server = restify.createServer();
  registerLegalPages(server);
  let origin = '';
  beforeAll(async () => {
    origin = `http://127.0.0.1:${await listen(server, 0, '127.0.0.1')}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it.each([
    ['/privacy', 'Privacy', 'What it stores'],
    ['/terms', 'Terms of use', 'draft'],
  ])('%s answers 200 with an HTML page', async (route, title, text) => {
    const response = await fetch(`${origin}${route}`);
    const body = await response.text();
    expect([response.status, response.headers.get('content-type')]).toEqual([200, 'text/html; charset=utf-8']);
    expect(body).toContain(`<h1>${title}</h1>`);
    expect(body).toContain(text);
  });
});
