import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';

/** One Application Insights envelope as the exporter sends it (request, dependency, trace, metric…). */
export interface Envelope {
  name: string;
  data?: { baseType?: string; baseData?: Record<string, unknown> };
  tags?: Record<string, string>;
}

/** A throwaway self-signed certificate for 127.0.0.1 (the exporter speaks HTTPS only). */
function selfSigned(): { key: Buffer; cert: Buffer; certFile: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'oibo-ingestion-'));
  const [key, cert] = [path.join(dir, 'key.pem'), path.join(dir, 'cert.pem')];
  execFileSync(
    'openssl',
    [
      ...['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1'],
      ...['-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'],
      ...['-keyout', key, '-out', cert],
    ],
    { stdio: 'ignore' },
  );
  return { key: readFileSync(key), cert: readFileSync(cert), certFile: cert };
}

/**
 * A stand-in for Application Insights' ingestion endpoint on loopback (HTTPS with a
 * self-signed certificate, `caFile` for the app's NODE_EXTRA_CA_CERTS): keeps every envelope the
 * app's exporter sends, and accepts them all.
 */
export async function startFakeIngestion(): Promise<{
  connectionString: string;
  caFile: string;
  envelopes: Envelope[];
  close(): Promise<void>;
}> {
  const envelopes: Envelope[] = [];
  const tls = selfSigned();
  const server: Server = createServer(tls, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      const text = (req.headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw).toString(
        'utf8',
      );
      const items = text.trim().startsWith('[')
        ? (JSON.parse(text) as Envelope[])
        : text
            .split('\n')
            .filter((line) => line.trim() !== '')
            .map((line) => JSON.parse(line) as Envelope);
      envelopes.push(...items);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({ itemsReceived: items.length, itemsAccepted: items.length, errors: [] }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    connectionString:
      'InstrumentationKey=00000000-0000-4000-8000-000000000000;' +
      `IngestionEndpoint=https://127.0.0.1:${port}/;LiveEndpoint=https://127.0.0.1:${port}/`,
    caFile: tls.certFile,
    envelopes,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
