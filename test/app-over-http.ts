import type restify from 'restify';
import { start, type ConnectorSim } from '../bench/connector-sim/connector-sim';
import { SEED_TENANT } from '../bench/fanout/seed';
import { ConnectorSender } from '../bot/delivery/connector-sender';
import type { ConversationRef } from '../core/conversations/conversation-ref';
import type { DeliveryEngine } from '../core/delivery/delivery-engine';
import type { Person } from '../core/directory/person';
import { createBotServer, createDeliveryEngine, type Services } from '../server/app';
import { createAuthenticator } from '../tab/api/auth/authenticator';
import { silentLogger } from './bot-harness';
import { createTestTokenIssuer, type TestTokenIssuer } from './test-tokens';

export const TEST_TENANT = '3f6c1a52-8d0e-4b7a-9c21-5e4d3b2a1f00';
export const TEST_CLIENT = '8a3f5e21-6c0b-4d97-b1e4-2f9a7c3d5e60';

/** The whole app over HTTP with chats in the connector simulator and a running delivery engine. */
export interface AppOverHttp {
  sim: ConnectorSim;
  engine: DeliveryEngine;
  server: restify.Server;
  /** `http://127.0.0.1:<port>` of the bot and tab API. */
  base: string;
  /** Signs Entra-shaped tokens the tab API accepts. */
  issuer: TestTokenIssuer;
  stop(): Promise<void>;
}

/** A person's 1:1 chat with the bot, at `serviceUrl`. */
export function personalChatOf(p: Person, serviceUrl: string): ConversationRef {
  const objectId = p.objectId!;
  const conversationId = `a:${objectId}`;
  return {
    scope: 'personal',
    conversationId,
    userObjectId: objectId,
    reference: JSON.stringify({
      channelId: 'msteams',
      serviceUrl,
      conversation: { id: conversationId, tenantId: SEED_TENANT, conversationType: 'personal' },
      user: { id: `29:${objectId}`, aadObjectId: objectId },
      bot: { id: '28:oibo', name: 'óiBO' },
    }),
    updatedAt: new Date(),
  };
}

/**
 * Imports `people` into `services`' directory, gives each a 1:1 chat in a fresh connector
 * simulator (no tenant limit), starts a quick delivery engine and serves the app on a free port.
 */
export async function startAppOverHttp(
  services: Services,
  people: readonly Person[],
): Promise<AppOverHttp> {
  const sim = await start({ tenantRatePerSecond: 0 });
  await services.directory.importPeople([...people]);
  await services.conversationRefs.saveMany(people.map((p) => personalChatOf(p, sim.url)));
  const engine = createDeliveryEngine(services, { mode: 'local' }, silentLogger, {
    sender: new ConnectorSender(async () => undefined, 2_000),
    options: {
      leaseMs: 1_500,
      inFlightMs: 14_000,
      pollMs: 50,
      backoff: { baseMs: 50, maxMs: 400 },
    },
  });
  engine.start();
  const issuer = await createTestTokenIssuer({ tenantId: TEST_TENANT, clientId: TEST_CLIENT });
  const authenticate = createAuthenticator(
    { mode: 'entra', tenantId: TEST_TENANT, clientId: TEST_CLIENT, jwks: issuer.jwks },
    services.directory,
  );
  const server = createBotServer(
    { botAuth: { mode: 'local' }, authenticate },
    services,
    silentLogger,
  );
  await new Promise<void>((resolve) => {
    server.listen(0, '127.0.0.1', resolve);
  });
  const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  return {
    sim,
    engine,
    server,
    base,
    issuer,
    stop: async () => {
      await engine.stop();
      server.close();
      await sim.stop();
    },
  };
}
