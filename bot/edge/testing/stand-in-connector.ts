import http from 'node:http';

export interface ConnectorCall {
  method: string;
  url: string;
  body: Record<string, unknown>;
}

/** A Bot Framework connector on loopback that records what the bot sends and answers ids. */
export interface StandInConnector {
  serviceUrl: string;
  calls: ConnectorCall[];
  /** Cards sent or updated, in order. */
  cards(filter?: (call: ConnectorCall) => boolean): Array<{ call: ConnectorCall; card: Record<string, unknown> }>;
  close(): Promise<void>;
}

export async function startStandInConnector(): Promise<StandInConnector> {
  const calls: ConnectorCall[] = [];
  const server = http.createServer((req, res) => {
    let text = '';
    req.on('data', (d: Buffer) => (text += d.toString('utf8')));
    req.on('end', () => {
      let body: Record<string, unknown> = {};
      try {
        body = JSON.parse(text || '{}') as Record<string, unknown>;
      } catch {
        body = {};
      }
      calls.push({ method: req.method ?? '', url: req.url ?? '', body });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: `act-${calls.length}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return {
    serviceUrl: `http://127.0.0.1:${address.port}/`,
    calls,
    cards: (filter = () => true) =>
      calls.filter(filter).flatMap((call) => {
        const attachments = call.body['attachments'];
        if (!Array.isArray(attachments)) return [];
        return attachments.flatMap((a: { contentType?: string; content?: Record<string, unknown> }) =>
          a.contentType === 'application/vnd.microsoft.card.adaptive' && a.content ? [{ call, card: a.content }] : [],
        );
      }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
