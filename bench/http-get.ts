import { Agent, request } from 'node:http';

export interface RawAnswer {
  status: number;
  /** The bytes that crossed the wire (gzip-ed when the server chose to). */
  wireBytes: number;
  encoding: string | undefined;
}

const agent = new Agent({ keepAlive: true });

/**
 * GET to the last byte on the wire, without inflating it in this process. `fetch` asks for gzip
 * on its own and inflates in JavaScript on the same two cores as the server under test, so a
 * gzip-ed answer's figure was mostly the bench's own inflating; a browser inflates natively, off
 * the page's thread. Keep-alive and gzip accepted, as browsers do (unless `headers` say otherwise).
 */
export function getRaw(url: string, headers: Record<string, string> = {}): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const asked = { 'accept-encoding': 'gzip', ...headers };
    const outgoing = request(url, { agent, headers: asked }, (incoming) => {
      let wireBytes = 0;
      incoming.on('data', (chunk: Buffer) => (wireBytes += chunk.length));
      incoming.on('end', () =>
        resolve({
          status: incoming.statusCode ?? 0,
          wireBytes,
          encoding: incoming.headers['content-encoding'],
        }),
      );
      incoming.on('error', reject);
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}
