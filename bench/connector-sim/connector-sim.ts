import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Delivery } from './delivery-log';
import { ConnectorSimulator, type SimulatorOptions, type SimulatorStats } from './simulator';

/** Where to listen, plus the simulator's limits and faults. */
export interface ConnectorSimOptions extends SimulatorOptions {
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 0: any free port. */
  port?: number;
  /**
   * Also answer `GET /_sim/summary` with the stats and the last acceptance time, for a simulator
   * running in its own process (so that its clock is not the load generator's).
   */
  control?: boolean;
}

/** What `GET /_sim/summary` answers. */
export interface SimSummary {
  stats: SimulatorStats;
  /** Epoch ms of the first and last accepted deliveries (0: none). */
  firstAcceptedAt: number;
  lastAcceptedAt: number;
  /** Deliveries accepted in each whole second from the first one. */
  perSecond: number[];
}

/** A running simulator. Use `url` as the bot's `serviceUrl`. */
export interface ConnectorSim {
  /** Base URL without a trailing slash, e.g. `http://127.0.0.1:40123`. */
  url: string;
  stats(): SimulatorStats;
  /** Every accepted delivery, in acceptance order. */
  deliveries(): IterableIterator<Delivery>;
  /** Closes the server, its open connections and any response held back by injected latency. */
  stop(): Promise<void>;
}

/** Bodies beyond this are not buffered; the simulator answers 413 from the size alone. */
const MAX_BUFFERED_BYTES = 4 * 1024 * 1024;

function readBody(request: IncomingMessage): Promise<{ text: string; bytes: number }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BUFFERED_BYTES) chunks.push(chunk);
    });
    request.on('end', () => {
      const text = size > MAX_BUFFERED_BYTES ? '' : Buffer.concat(chunks).toString('utf8');
      resolve({ text, bytes: size });
    });
    request.on('error', reject);
  });
}

/**
 * Starts a Teams Bot Connector simulator: the endpoints botbuilder's `ConnectorClient` calls for
 * proactive messages (create conversation, send, reply, update), under Teams' rate limits, with
 * optional seeded faults. Any `Authorization` header (or none) is accepted.
 */
export async function start(options: ConnectorSimOptions = {}): Promise<ConnectorSim> {
  const simulator = new ConnectorSimulator(options);
  const held = new Set<NodeJS.Timeout>();

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const { text, bytes } = await readBody(request);
    const path = new URL(request.url ?? '/', 'http://sim').pathname;
    if (options.control && path === '/_sim/summary') {
      let [firstAcceptedAt, lastAcceptedAt] = [Infinity, 0];
      for (const { at } of simulator.deliveries()) {
        firstAcceptedAt = Math.min(firstAcceptedAt, at);
        lastAcceptedAt = Math.max(lastAcceptedAt, at);
      }
      const perSecond: number[] = [];
      for (const { at } of simulator.deliveries()) {
        const second = Math.floor((at - firstAcceptedAt) / 1_000);
        perSecond[second] = (perSecond[second] ?? 0) + 1;
      }
      const summary: SimSummary = {
        stats: simulator.stats(),
        firstAcceptedAt: lastAcceptedAt ? firstAcceptedAt : 0,
        lastAcceptedAt,
        perSecond: Array.from(perSecond, (n) => n ?? 0),
      };
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify(summary));
      return;
    }
    const result = simulator.handle({ method: request.method ?? 'GET', path, body: text, bytes });
    const send = (): void => {
      const payload = JSON.stringify(result.body);
      response.writeHead(result.status, {
        ...result.headers,
        'Content-Type': 'application/json; charset=utf-8',
        'Content-Length': Buffer.byteLength(payload),
      });
      response.end(payload);
    };
    if (result.delayMs <= 0) return send();
    const timer = setTimeout(() => {
      held.delete(timer);
      send();
    }, result.delayMs);
    held.add(timer);
  };

  const server = createServer((request, response) => {
    handle(request, response).catch(() => {
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const { address, port } = server.address() as AddressInfo;
  const host = address.includes(':') ? `[${address}]` : address;

  return {
    url: `http://${host}:${port}`,
    stats: () => simulator.stats(),
    deliveries: () => simulator.deliveries(),
    stop: () =>
      new Promise<void>((resolve, reject) => {
        for (const timer of held) clearTimeout(timer);
        held.clear();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
