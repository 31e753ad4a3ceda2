import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ConnectorActivity {
  path: string;
  body: { type?: string; attachments?: { contentType: string; content: unknown }[]; text?: string };
}

/** A stand-in for the Bot Connector service: records what the bot sends to a conversation. */
export async function startMockConnector(): Promise<{
  serviceUrl: string;
  received: ConnectorActivity[];
  next(timeoutMs?: number): Promise<ConnectorActivity>;
  close(): Promise<void>;
}> {
  const received: ConnectorActivity[] = [];
  const waiters: ((activity: ConnectorActivity) => void)[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const activity = {
        path: req.url ?? '',
        body: JSON.parse(body || '{}') as ConnectorActivity['body'],
      };
      received.push(activity);
      waiters.shift()?.(activity);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: `m${received.length}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    serviceUrl: `http://127.0.0.1:${port}/`,
    received,
    next: (timeoutMs = 5_000) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error('no activity reached the connector')),
          timeoutMs,
        );
        waiters.push((activity) => {
          clearTimeout(timer);
          resolve(activity);
        });
      }),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
