import type restify from 'restify';
import { generateDemoDirectory } from '../../core/directory/demo-directory';
import { createBotServer, createServices, type Services } from '../../server/app';
import { silentLogger } from '../../test/bot-harness';
import { freshStore, TEST_CONFIG } from '../../test/store';
import users from '../../content/demo/playground-users.json';
import { createAuthenticator } from './auth/authenticator';
import type { FacilitatorRoster, TrainingPath } from './contract';
import { createTestTokenIssuer, type TestTokenIssuer } from '../../test/test-tokens';
import { submitAssessment } from '../../test/assessment';

const TENANT = '3f6c1a52-8d0e-4b7a-9c21-5e4d3b2a1f00';
const CLIENT = '8a3f5e21-6c0b-4d97-b1e4-2f9a7c3d5e60';
const [GIULIA, MARCO, SARA] = [users[0]!, users[1]!, users[2]!]; // employee, manager, admin
const NOW = new Date('2026-06-15T10:00:00Z');

/** Until the invitation flow grants it: the role and the roster row, as an approval does. */
export async function makeFacilitator(
  services: Services,
  person: (typeof users)[number],
  since: Date,
) {
  await services.directory.setRole(person.objectId, 'facilitator', true);
  await services.facilitators.add({
    objectId: person.objectId,
    department: person.orgUnitPath[0]!,
    roundId: 'r-test',
    since,
  });
}

describe('training path, roster and completions over HTTP', () => {
  let services: Services;
  let drop: () => Promise<void>;
  let server: restify.Server;
  let base: string;
  let issuer: TestTokenIssuer;

  const call = async (
    path: string,
    as: { objectId: string },
    init: { method?: string; json?: unknown; csv?: string; lang?: string } = {},
  ) => {
    const token = await issuer.mint({ claims: { oid: as.objectId } });
    const body = init.json !== undefined ? JSON.stringify(init.json) : init.csv;
    return fetch(`${base}${path}`, {
      method: init.method ?? (body === undefined ? 'GET' : 'POST'),
      headers: {
        'accept-language': init.lang ?? 'it-IT',
        authorization: `Bearer ${token}`,
        ...(init.json !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(init.csv !== undefined ? { 'content-type': 'text/csv' } : {}),
      },
      ...(body !== undefined ? { body } : {}),
    });
  };
  const roster = async () =>
    ((await (await call('/api/v1/facilitators', SARA)).json()) as FacilitatorRoster).facilitators;

  beforeAll(async () => {
    const fresh = await freshStore();
    drop = fresh.drop;
    services = createServices(fresh.store, { ...TEST_CONFIG, now: () => NOW });
    await services.directory.importPeople(generateDemoDirectory());
    await makeFacilitator(services, GIULIA, new Date('2026-01-20T09:00:00Z'));
    issuer = await createTestTokenIssuer({ tenantId: TENANT, clientId: CLIENT });
    const authenticate = createAuthenticator(
      { mode: 'entra', tenantId: TENANT, clientId: CLIENT, jwks: issuer.jwks },
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

  it('explains kindly to someone who is not a facilitator that the path is not theirs', async () => {
    const response = await call('/api/v1/me/training-path', MARCO);
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({
      code: 'notFacilitator',
      title: expect.stringContaining('facilitatrici e facilitatori'),
    });
  });

  it("builds a facilitator's path from the common core and their growth areas", async () => {
    const before = (await (await call('/api/v1/me/training-path', GIULIA)).json()) as TrainingPath;
    const core = before.modules.filter((m) => m.reason === 'commonCore');
    expect(before.modules).toEqual(core);
    expect(before).toMatchObject({
      hoursDone: 0,
      target: 40,
      expectedByNow: 13.3,
      behindSchedule: true,
      next: core[0]!.id,
      today: '2026-06-15',
    });
    await submitAssessment(services, GIULIA, 2);
    const after = (await (await call('/api/v1/me/training-path', GIULIA)).json()) as TrainingPath;
    expect(after.modules.length).toBeGreaterThan(core.length);
    expect(after.modules.some((m) => m.reason === 'growth')).toBe(true);
  });

  it('marks a module done, refusing a future date, hours out of range and unknown modules', async () => {
    const path = '/api/v1/me/training-path/completions';
    const moduleId = 'facilitazione-fondamenti';
    const future = await call(path, GIULIA, { json: { moduleId, date: '2026-06-16', hours: 6 } });
    expect(future.status).toBe(422);
    expect(await future.json()).toMatchObject({ code: 'futureDate' });
    const tooLong = await call(path, GIULIA, { json: { moduleId, date: '2026-06-01', hours: 41 } });
    expect(tooLong.status).toBe(400);
    const tooShort = await call(path, GIULIA, { json: { moduleId, date: '2026-06-01', hours: 0 } });
    expect(tooShort.status).toBe(400);
    const unknown = await call(path, GIULIA, {
      json: { moduleId: 'astrology', date: '2026-06-01', hours: 2 },
    });
    expect(unknown.status).toBe(422);
    expect(await services.training.recordsOf(GIULIA.objectId)).toEqual([]);

    const done = await call(path, GIULIA, { json: { moduleId, date: '2026-06-01', hours: 6 } });
    expect(done.status).toBe(200);
    const body = (await done.json()) as TrainingPath;
    expect(body.modules.find((m) => m.id === moduleId)!.done).toEqual({
      date: '2026-06-01',
      hours: 6,
    });
    expect(body.hoursDone).toBe(6);
    expect(body.next).not.toBe(moduleId);
    // The same completion again counts once.
    await call(path, GIULIA, { json: { moduleId, date: '2026-06-01', hours: 6 } });
    expect((await roster())[0]).toMatchObject({ objectId: GIULIA.objectId, hoursDone: 6 });
  });

  it('shows admins the roster with hours, never the modules, and its CSV; nobody else', async () => {
    expect((await call('/api/v1/facilitators', GIULIA)).status).toBe(403);
    expect((await call('/api/v1/facilitators.csv', MARCO)).status).toBe(403);
    const [entry] = await roster();
    expect(Object.keys(entry!).sort()).toEqual([
      'behindSchedule',
      'department',
      'displayName',
      'hoursDone',
      'objectId',
      'since',
      'target',
      'upn',
    ]);
    expect(entry).toMatchObject({ displayName: 'Giulia Ferri', target: 40, behindSchedule: true });
    const csv = await call('/api/v1/facilitators.csv', SARA);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const lines = (await csv.text()).trim().split('\r\n');
    expect(lines[0]).toContain('Settore;');
    expect(lines[1]).toContain('Giulia Ferri;giulia.ferri@comune-demo.example');
    expect(lines[1]).toMatch(/;6;40;sì$/);
  });

  it('imports completions all or nothing, naming every refused line', async () => {
    const bad = [
      'person,module,date,hours',
      `${GIULIA.upn},gestione-cambiamento,2026-05-02,3`,
      `${MARCO.objectId},gestione-cambiamento,2026-05-02,3`,
      `${GIULIA.objectId},astrology,2026-05-02,3`,
      `${GIULIA.objectId},pagopa,2026-13-02,3`,
      `${GIULIA.objectId},pagopa,2026-05-02,90`,
      `${GIULIA.objectId},gestione-cambiamento,2026-05-03,3`,
    ].join('\n');
    expect((await call('/api/v1/training-completions', GIULIA, { csv: bad })).status).toBe(403);
    const refused = await call('/api/v1/training-completions', SARA, { csv: bad, lang: 'en-US' });
    expect(refused.status).toBe(422);
    const problem = (await refused.json()) as {
      errors: { line: number; reason: string; message: string }[];
    };
    expect(problem.errors.map(({ line, reason }) => [line, reason])).toEqual([
      [5, 'badDate'],
      [6, 'badHours'],
    ]);
    expect((await roster())[0]!.hoursDone).toBe(6);

    const formatOk = bad
      .split('\n')
      .filter((_, i) => i !== 4 && i !== 5)
      .join('\n');
    const second = await call('/api/v1/training-completions', SARA, {
      csv: formatOk,
      lang: 'en-US',
    });
    expect(second.status).toBe(422);
    const lines = ((await second.json()) as typeof problem).errors;
    expect(lines).toEqual([
      { line: 3, reason: 'notFacilitator', message: 'person not among the facilitators' },
      { line: 4, reason: 'unknownModule', message: 'module not in the catalogue' },
      { line: 5, reason: 'duplicate', message: 'same person and module as line 2' },
    ]);
    expect((await roster())[0]!.hoursDone).toBe(6);

    const good = [
      'person,module,date,hours',
      `${GIULIA.upn},gestione-cambiamento,2026-05-02,3`,
      `${GIULIA.objectId},pagopa,2025-11-02,2`,
    ].join('\n');
    for (let i = 0; i < 2; i++) {
      const imported = await call('/api/v1/training-completions', SARA, { csv: good });
      expect(imported.status).toBe(200);
      expect(await imported.json()).toEqual({ lines: 2, people: 1 });
    }
    expect((await roster())[0]!.hoursDone).toBe(9);
    const records = await services.training.recordsOf(GIULIA.objectId);
    expect(records.map((r) => [r.moduleId, r.source])).toEqual([
      ['facilitazione-fondamenti', 'self'],
      ['gestione-cambiamento', 'import'],
      ['pagopa', 'import'],
    ]);
  });

  it('refuses a JSON body on the import and a CSV body elsewhere', async () => {
    const json = await call('/api/v1/training-completions', SARA, { json: { a: 1 } });
    expect(json.status).toBe(415);
    const token = await issuer.mint({ claims: { oid: GIULIA.objectId } });
    const csv = await fetch(`${base}/api/v1/me/training-path/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
      body: 'a,b',
    });
    expect(csv.status).toBe(415);
  });

  it("exports a facilitator's records and roster row, and erases the records only", async () => {
    const exported = await services.privacy.export(GIULIA.objectId);
    expect(exported).toMatchObject({
      facilitator: { objectId: GIULIA.objectId },
      training: expect.arrayContaining([expect.objectContaining({ moduleId: 'pagopa', hours: 2 })]),
    });
    await services.privacy.erase(GIULIA.objectId);
    expect(await services.training.recordsOf(GIULIA.objectId)).toEqual([]);
    expect((await roster())[0]).toMatchObject({ objectId: GIULIA.objectId, hoursDone: 0 });
  });
});
