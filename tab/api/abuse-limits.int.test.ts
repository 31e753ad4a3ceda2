import type restify from 'restify';
import { generateDemoDirectory } from '../../core/directory/demo-directory';
import { createBotServer, createServices, type Services } from '../../server/app';
import { submitAssessment } from '../../test/assessment';
import { GIULIA, SARA, silentLogger } from '../../test/bot-harness';
import { freshStore, TEST_CONFIG } from '../../test/store';
import { createAuthenticator } from './auth/authenticator';

const LIMITS = {
  answersPerMinute: 60,
  erasuresPerHour: 1,
  campaignStartsPerMinute: 1,
  ideaPostsPerHour: 1,
  ideaVotesPerMinute: 2,
  workspacePostsPerHour: 60,
  workspaceMarksPerMinute: 60,
};

describe('abuse limits on the tab API', () => {
  let services: Services;
  let drop: () => Promise<void>;
  let server: restify.Server;
  let base: string;

  const call = (path: string, as: { objectId: string }, init: RequestInit = {}) =>
    fetch(`${base}${path}`, {
      ...init,
      headers: {
        'accept-language': 'it-IT',
        'x-oibo-demo-user': as.objectId,
        ...(init.body ? { 'content-type': 'application/json' } : {}),
      },
    });

  beforeAll(async () => {
    const fresh = await freshStore();
    drop = fresh.drop;
    services = createServices(fresh.store, { ...TEST_CONFIG, abuseLimits: LIMITS });
    await services.directory.importPeople(generateDemoDirectory());
    const authenticate = createAuthenticator(
      { mode: 'demo', production: false },
      services.directory,
    );
    server = createBotServer({ botAuth: { mode: 'local' }, authenticate }, services, silentLogger);
    await new Promise<void>((resolve) => {
      server.listen(0, '127.0.0.1', resolve);
    });
    base = `http://127.0.0.1:${server.address().port}`;
  });
  afterAll(async () => {
    server.close();
    await drop();
  });

  it('refuses a second campaign start within the minute with a localised 429, writing nothing', async () => {
    const start = () =>
      call('/api/v1/campaigns', SARA, {
        method: 'POST',
        body: JSON.stringify({ audience: { kind: 'all' } }),
      });
    expect((await start()).status).toBe(201);
    const refused = await start();
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(refused.headers.get('content-type')).toBe('application/problem+json');
    expect(await refused.json()).toMatchObject({
      status: 429,
      code: 'tooManyRequests',
      title: expect.stringContaining('Troppe richieste in poco tempo: riprova tra'),
    });
    expect(await services.campaigns.list()).toHaveLength(1);
  });

  it('refuses a second erasure within the hour and keeps the data', async () => {
    await submitAssessment(services, GIULIA, 4);
    expect((await call('/api/v1/me/data', GIULIA, { method: 'DELETE' })).status).toBe(204);
    await submitAssessment(services, GIULIA, 3);
    const refused = await call('/api/v1/me/data', GIULIA, { method: 'DELETE' });
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toMatch(/^3[56]\d\d$/);
    expect(((await refused.json()) as { title: string }).title).toContain('minuti');
    expect((await call('/api/v1/me/results', GIULIA)).status).toBe(200);
  });
});
