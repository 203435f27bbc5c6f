import net from 'node:net';
import restify from 'restify';
import { applyTimeouts } from './request-deadline';

test('a slow body loses its connection at the request deadline, even after an early answer', async () => {
  const server = restify.createServer({ handleUncaughtExceptions: false });
  applyTimeouts(server.server, { headersMs: 1000, requestMs: 300 });
  // Answered before the body is read, as a refused token is.
  server.post('/api/sync', async (_req: restify.Request, res: restify.Response) => void res.send(401, { error: 'no' }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const socket = net.connect(server.address().port, '127.0.0.1');
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    // Read what comes (the 401): a paused socket would never see its end.
    socket.resume();
    socket.write('POST /api/sync HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"a":');
    // Nothing more is sent: the server, not the test, must end it.
    await closed;
    expect(socket.destroyed).toBe(true);
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});

test('a body still dribbling in at the deadline loses its connection while its handler waits for it', async () => {
  const server = restify.createServer({ handleUncaughtExceptions: false });
  applyTimeouts(server.server, { headersMs: 1000, requestMs: 300 });
  server.post('/api/sync', async (req: restify.Request, res: restify.Response) => {
    for await (const _chunk of req) void _chunk;
    res.send(200, {});
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const socket = net.connect(server.address().port, '127.0.0.1');
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    socket.resume();
    socket.write('POST /api/sync HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"a":');
    await closed;
    expect(socket.destroyed).toBe(true);
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});
