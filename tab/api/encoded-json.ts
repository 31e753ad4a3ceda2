import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type restify from 'restify';

const gzipAsync = promisify(gzip);
/** Below this, gzip saves less than its headers and the caller's time cost. */
const GZIP_FROM_BYTES = 1_024;

/** A JSON answer serialised once, and gzip-ed once when it is large enough to gain from it. */
export interface EncodedJson {
  identity: Buffer;
  gzip?: Buffer;
}

export async function encodeJson(value: unknown): Promise<EncodedJson> {
  const identity = Buffer.from(JSON.stringify(value));
  if (identity.byteLength < GZIP_FROM_BYTES) return { identity };
  return { identity, gzip: await gzipAsync(identity) };
}

/** Whether Accept-Encoding accepts gzip (`gzip`, `x-gzip` or `*`, with a q above 0). */
export function acceptsGzip(header: string | undefined): boolean {
  for (const part of (header ?? '').split(',')) {
    const [coding = '', ...params] = part.split(';').map((s) => s.trim().toLowerCase());
    if (coding !== 'gzip' && coding !== 'x-gzip' && coding !== '*') continue;
    const q = params.find((p) => p.startsWith('q='));
    if (q === undefined || Number(q.slice(2)) > 0) return true;
  }
  return false;
}

/**
 * Writes a cached answer as it is: the gzip-ed bytes to a caller that accepts them, the JSON
 * otherwise. A read of a large cached answer is then one write, never a new serialisation.
 */
export function sendEncodedJson(
  req: restify.Request,
  res: restify.Response,
  status: number,
  body: EncodedJson,
): void {
  const gzipped = body.gzip !== undefined && acceptsGzip(req.header('accept-encoding'));
  const bytes = gzipped ? body.gzip! : body.identity;
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': bytes.byteLength,
    vary: 'accept-encoding',
    ...(gzipped ? { 'content-encoding': 'gzip' } : {}),
  });
  res.end(bytes);
}
