import { randomBytes } from 'node:crypto';
import users from '../content/demo/playground-users.json';
import { generateDemoDirectory } from '../core/directory/demo-directory';
import { TableStore } from '../core/store/table-store';
import { ALL_TABLES } from './registry';
import { startServer, stopApp, type RunningServer } from '../test/app-process';
import { startFakeIngestion, type Envelope } from '../test/fake-ingestion';
import { startMockConnector } from '../test/mock-connector';
import { createServices } from './app';

const [GIULIA, , SARA] = [users[0]!, users[1]!, users[2]!]; // employee, manager, admin

/**
 * The real server with Application Insights on, its exporter pointed at a loopback stand-in for
 * the ingestion endpoint: a bot turn, API calls, an erasure and a campaign sent to the Bot
 * Connector, then every envelope it sent is searched for the demo people's personal data.
 */
describe('telemetry to Application Insights', () => {
  const people = generateDemoDirectory();
  let envelopes: Envelope[] = [];

  beforeAll(async () => {
    const connectionString = process.env.OIBO_TEST_TABLES!;
    const prefix = `t${randomBytes(5).toString('hex')}`;
    const store = new TableStore({ kind: 'connectionString', connectionString }, prefix);
    await store.ensureTables(ALL_TABLES);
    await createServices(store, { pseudonymSecret: 'x'.repeat(32) }).directory.importPeople(people);

    const ingestion = await startFakeIngestion();
    const connector = await startMockConnector();
    let app: RunningServer | undefined;
    try {
      app = await startServer({
        TABLES_CONNECTION_STRING: connectionString,
        TABLES_PREFIX: prefix,
        SEED_DEMO_DATA: 'false',
        APPLICATIONINSIGHTS_CONNECTION_STRING: ingestion.connectionString,
        NODE_EXTRA_CA_CERTS: ingestion.caFile,
        // Nothing may leave the machine: the exporter's own statistics off, its settings poll
        // sent to a closed loopback port, and an App Service name so that no VM metadata probe runs.
        APPLICATIONINSIGHTS_STATSBEAT_DISABLED: 'true',
        APPLICATIONINSIGHTS_SDKSTATS_DISABLED: 'true',
        HTTPS_PROXY: 'http://127.0.0.1:9',
        NO_PROXY: '127.0.0.1,localhost',
        WEBSITE_SITE_NAME: 'oibo-test',
      });
      const api = (path: string, as: { objectId: string }, init: RequestInit = {}) =>
        fetch(`${app!.botUrl}${path}`, {
          ...init,
          headers: {
            ...(init.body ? { 'content-type': 'application/json' } : {}),
            'x-oibo-demo-user': as.objectId,
          },
        });
      const turn = await fetch(`${app.botUrl}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          type: 'message',
          id: 'm1',
          text: 'questionario',
          locale: 'it-IT',
          channelId: 'msteams',
          serviceUrl: connector.serviceUrl,
          from: {
            id: `29:${GIULIA.objectId}`,
            aadObjectId: GIULIA.objectId,
            name: GIULIA.displayName,
          },
          recipient: { id: '28:oibo', name: 'óiBO' },
          // A conversation id that names the person, as the Bot Connector's URLs then do.
          conversation: { id: `a:${GIULIA.objectId}`, conversationType: 'personal' },
        }),
      });
      expect(turn.status).toBe(200);
      expect(connector.received.length).toBeGreaterThan(0);
      expect((await api('/api/v1/me', GIULIA)).status).toBe(200);
      const invited = connector.next(60_000);
      const started = await api('/api/v1/campaigns', SARA, {
        method: 'POST',
        body: JSON.stringify({ audience: { kind: 'all' } }),
      });
      expect(started.status).toBe(201);
      const { id } = (await started.json()) as { id: string };
      expect((await invited).path).toContain(encodeURIComponent(`a:${GIULIA.objectId}`));
      expect((await api(`/api/v1/campaigns/${id}/unreachable`, SARA)).status).toBe(200);
      expect((await api('/api/v1/me/data', GIULIA, { method: 'DELETE' })).status).toBe(204);
    } finally {
      // Stopping flushes what the exporter still holds.
      if (app) await stopApp(app);
      await connector.close();
      await ingestion.close();
      await store.deleteTables(ALL_TABLES);
    }
    envelopes = ingestion.envelopes;
  }, 180_000);

  const ofType = (type: string) => envelopes.filter((e) => e.data?.baseType === type);

  it('sends requests, store and Bot Connector dependencies, logs and campaign metrics', () => {
    const requests = ofType('RequestData').map((e) => String(e.data?.baseData?.url));
    expect(requests).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/\/api\/messages$/),
        expect.stringMatching(/\/api\/v1\/campaigns$/),
      ]),
    );
    const dependencies = ofType('RemoteDependencyData').map((e) => String(e.data?.baseData?.data));
    expect(dependencies).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/\/v3\/conversations\/:id\/activities$/),
        expect.stringMatching(/people\(:id\)$/),
      ]),
    );
    expect(ofType('MessageData').map((e) => e.data?.baseData?.message)).toContain('ready');
    const metrics = ofType('MetricData').flatMap(
      (e) => (e.data?.baseData?.metrics as { name: string }[] | undefined) ?? [],
    );
    expect(metrics.map((m) => m.name)).toContain('oibo.delivery.attempts');
  });

  it('carries no name, UPN or object id of anyone in the directory', () => {
    const sent = JSON.stringify(envelopes).toLowerCase();
    const found = people.flatMap((p) =>
      [p.displayName, p.upn, p.objectId]
        .filter((value): value is string => Boolean(value))
        .filter((value) => sent.includes(value.toLowerCase())),
    );
    expect(found).toEqual([]);
  });
});
