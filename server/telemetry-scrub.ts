import type { AzureMonitorOpenTelemetryOptions } from '@azure/monitor-opentelemetry';
import { SpanKind, type Context } from '@opentelemetry/api';

/** The distro's own SDK types, so that no second copy of the SDK is needed for them. */
type SpanProcessor = NonNullable<AzureMonitorOpenTelemetryOptions['spanProcessors']>[number];
type Span = Parameters<SpanProcessor['onStart']>[0];
type ReadableSpan = Parameters<SpanProcessor['onEnd']>[0];

/**
 * A path segment kept as it is: a word, a version (`v1`) or a table name. Anything else (object
 * and conversation ids with `-` or `:`, numbers, file names, UPNs) becomes `:id`: Bot Connector
 * URLs carry conversation ids, the store's carry people's object ids as row keys.
 */
const WORD = /^[A-Za-z][A-Za-z0-9_]{0,40}$/;
/** A table entity address, `people(PartitionKey='b1f',RowKey='<object id>')`. */
const ENTITY = /^([A-Za-z][A-Za-z0-9]{0,62})\(.*\)$/;
const ID = ':id';

function scrubSegment(segment: string): string {
  if (segment === '' || segment === ID || WORD.test(segment)) return segment;
  const entity = ENTITY.exec(segment);
  return entity ? `${entity[1]}(${ID})` : ID;
}

/** A path with its ids replaced by `:id`, without its query (filters name people too). */
export function scrubPath(path: string): string {
  const bare = path.split(/[?#]/, 1)[0] ?? '';
  return bare.split('/').map(decodedSegment).map(scrubSegment).join('/');
}

function decodedSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return ID;
  }
}

/** A URL reduced to scheme, host and scrubbed path. */
export function scrubUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}${scrubPath(parsed.pathname)}`;
  } catch {
    return scrubPath(url);
  }
}

/** Attributes (old and current semantic conventions) that carry a URL or a path. */
const URL_KEYS = ['http.url', 'url.full'];
const PATH_KEYS = ['http.target', 'url.path', 'http.route'];
/** Query strings, and the caller's address (personal data under the GDPR). */
const DROPPED_KEYS = [
  'url.query',
  'http.client_ip',
  'client.address',
  'net.peer.ip',
  'net.sock.peer.addr',
  'network.peer.address',
];

type Attributes = Record<string, unknown>;

/** The same attributes with URLs and paths scrubbed and personal keys removed; `undefined` if none changed. */
export function scrubbedAttributes(
  attributes: Attributes,
  server: boolean,
): Attributes | undefined {
  const changes: Attributes = {};
  for (const key of URL_KEYS) {
    const value = attributes[key];
    if (typeof value === 'string') changes[key] = scrubUrl(value);
  }
  for (const key of PATH_KEYS) {
    const value = attributes[key];
    if (typeof value === 'string') changes[key] = scrubPath(value);
  }
  const dropped = DROPPED_KEYS.filter(
    (key) => key in attributes && (server || key === 'url.query'),
  );
  if (Object.keys(changes).length === 0 && dropped.length === 0) return undefined;
  const result = { ...attributes, ...changes };
  for (const key of dropped) delete result[key];
  return result;
}

/**
 * Removes ids from every span before it is exported: at start (so that every later processor
 * sees templates) and again at the end, for what instrumentations add later (routes, retries).
 */
export class ScrubbingSpanProcessor implements SpanProcessor {
  onStart(span: Span, _context: Context): void {
    const scrubbed = scrubbedAttributes(span.attributes, span.kind === SpanKind.SERVER);
    if (!scrubbed) return;
    for (const [key, value] of Object.entries(scrubbed)) {
      span.setAttribute(key, value as string);
    }
  }

  onEnd(span: ReadableSpan): void {
    const attributes = span.attributes as Attributes;
    const scrubbed = scrubbedAttributes(attributes, span.kind === SpanKind.SERVER);
    if (!scrubbed) return;
    // A span's attributes are frozen only by type once it ended; the exporter reads this object.
    for (const key of Object.keys(attributes)) delete attributes[key];
    Object.assign(attributes, scrubbed);
  }

  async forceFlush(): Promise<void> {}

  async shutdown(): Promise<void> {}
}
