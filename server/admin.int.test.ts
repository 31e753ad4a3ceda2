import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AssessmentCampaignsRepository } from '../core/assessment/assessment-campaigns.repository';
import { PeopleRepository } from '../core/directory/people.repository';
import { OrgUnitsRepository } from '../core/directory/org-units.repository';
import { submitAssessment } from '../test/assessment';
import { freshStore } from '../test/store';
import type { TableStore } from '../core/store/table-store';
import { runAdmin } from './admin';
import { createServices } from './app';

const HEADER = 'objectId,upn,displayName,orgUnitPath,manager,roles,locale';

describe('npm run admin -- directory import', () => {
  let store: TableStore;
  let drop: () => Promise<void>;
  let dir: string;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    ({ store, drop } = await freshStore());
    dir = await mkdtemp(path.join(tmpdir(), 'oibo-admin-'));
    env = {
      TABLES_CONNECTION_STRING: process.env.OIBO_TEST_TABLES,
      TABLES_PREFIX: store.prefix,
      LOG_LEVEL: 'silent',
    };
  });
  afterAll(() => drop());

  async function run(...args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runAdmin(args, env, { out: (l) => out.push(l), err: (l) => err.push(l) });
    return { code, out, err };
  }

  async function csv(name: string, lines: string[]): Promise<string> {
    const file = path.join(dir, name);
    await writeFile(file, lines.join('\n'));
    return file;
  }

  it('reports every invalid line and writes nothing', async () => {
    const file = await csv('bad.csv', [
      HEADER,
      ',anna.neri@comune-demo.example,Anna Neri,Area Welfare > Settore Salute,no,,it-IT',
      ',broken,Bad Upn,Area Welfare,no,,it-IT',
      ',luca@comune-demo.example,Luca,Area Welfare,forse,,it-IT',
    ]);
    const result = await run('directory', 'import', file);
    expect(result.code).toBe(1);
    expect(result.err[0]).toMatch(/nothing was imported/);
    expect(result.err.slice(1)).toEqual([
      expect.stringMatching(/^ {2}line 3: upn: /),
      '  line 4: manager: must be yes or no',
    ]);
    expect(await new PeopleRepository(store).isEmpty()).toBe(true);
  });

  it('imports a valid file, people and org units, and re-imports idempotently', async () => {
    const file = await csv('good.csv', [
      HEADER,
      '5d1c2b3a-0000-4000-8000-00000000000a,anna.neri@comune-demo.example,Anna Neri,Area Welfare > Settore Salute,no,facilitator,it-IT',
      ',luca.bassi@comune-demo.example,Luca Bassi,Area Welfare,yes,,en-US',
    ]);
    expect(await run('directory', 'import', file)).toEqual({
      code: 0,
      out: ['Imported 2 people in 2 org units.'],
      err: [],
    });
    expect(await run('directory', 'import', file)).toMatchObject({ code: 0 });
    const people = new PeopleRepository(store);
    expect(await people.byObjectId('5D1C2B3A-0000-4000-8000-00000000000A')).toMatchObject({
      displayName: 'Anna Neri',
      roles: ['facilitator'],
    });
    expect(await people.byUpn('Luca.Bassi@comune-demo.example')).toMatchObject({
      manager: true,
      locale: 'en-US',
    });
    expect((await new OrgUnitsRepository(store).list()).map((u) => u.path)).toEqual([
      ['Area Welfare'],
      ['Area Welfare', 'Settore Salute'],
    ]);
  });

  it('rebuilds the assessment aggregates from the submitted results; erasure still takes them back', async () => {
    const services = createServices(store, {
      pseudonymSecret: 'admin-test-only-0123456789abcdefghij',
    });
    const people = Array.from({ length: 6 }, (_, i) => ({
      objectId: `5d1c2b3a-0000-4000-8000-00000000000${i}`,
      orgUnitPath: [i < 5 ? 'Area Welfare' : 'Area Cultura e Sport'],
    }));
    for (const person of people) await submitAssessment(services, person, 2);
    // An earlier version stored this one without counting it.
    const pseudonym = services.pseudonyms.pseudonymOf(people[5]!.objectId);
    const uncounted = (await services.responses.get(pseudonym, services.assessment.campaignId))!;
    await services.responses.update({ ...uncounted.value, aggregated: false }, uncounted.etag);
    await services.publisher.publishAll();
    const campaignId = services.assessment.campaignId;
    const incremental = await services.aggregates.campaign(campaignId);
    expect(incremental.length).toBeGreaterThan(0);
    expect(await run('aggregates', 'rebuild')).toEqual({
      code: 0,
      out: [
        `Rebuilt ${incremental.length} aggregate rows of ${campaignId} from 5 results; 1 results not counted before are queued.`,
      ],
      err: [],
    });
    expect(await services.aggregates.campaign(campaignId)).toEqual(incremental);
    expect((await services.aggregates.pending(campaignId)).map((p) => p.value.pseudonym)).toEqual([
      pseudonym,
    ]);

    for (const person of people.slice(0, 5)) await services.privacy.erase(person.objectId);
    await services.publisher.publishAll();
    expect(await services.aggregates.campaign(campaignId)).toEqual([]);
  });

  it("locks the campaign's thresholds when rebuilding, and keeps them when the setting changes", async () => {
    const fresh = await freshStore();
    try {
      const rebuild = (k: string) =>
        runAdmin(
          ['aggregates', 'rebuild'],
          { ...env, TABLES_PREFIX: fresh.store.prefix, PRIVACY_K: k },
          { out: () => undefined, err: () => undefined },
        );
      expect(await rebuild('6')).toBe(0);
      expect(await rebuild('4')).toBe(0);
      const [campaign] = await new AssessmentCampaignsRepository(fresh.store).list();
      expect(campaign).toMatchObject({ id: 'digital-mindset-v1', policy: { k: 6, freeTextK: 10 } });
    } finally {
      await fresh.drop();
    }
  });

  it('says what is wrong with the command line or the file', async () => {
    expect((await run('directory')).code).toBe(2);
    const missing = await run('directory', 'import', path.join(dir, 'missing.csv'));
    expect(missing).toMatchObject({
      code: 1,
      err: [expect.stringMatching(/Cannot read .*missing\.csv: ENOENT/)],
    });
  });
});

describe('npm run admin -- training import', () => {
  let store: TableStore;
  let drop: () => Promise<void>;
  let env: NodeJS.ProcessEnv;
  const oid = '7b0c2e5a-6f1d-4c3b-9a8e-1d2f3a4b5c60';

  beforeAll(async () => {
    ({ store, drop } = await freshStore());
    env = {
      TABLES_CONNECTION_STRING: process.env.OIBO_TEST_TABLES,
      TABLES_PREFIX: store.prefix,
      LOG_LEVEL: 'silent',
    };
    const services = createServices(store, { pseudonymSecret: 'x'.repeat(32) });
    await services.facilitators.add({
      objectId: oid,
      department: 'Area Welfare',
      roundId: 'r-test',
      since: new Date('2026-01-01T00:00:00Z'),
    });
  });
  afterAll(() => drop());

  it('imports completions all or nothing, listing the refused lines', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'oibo-admin-'));
    const bad = path.join(dir, 'bad.csv');
    await writeFile(
      bad,
      `person,module,date,hours\n${oid},pagopa,2026-01-10,2\n${oid},astrology,2026-01-10,2\n`,
    );
    const out: string[] = [];
    const err: string[] = [];
    const io = { out: (l: string) => out.push(l), err: (l: string) => err.push(l) };
    expect(await runAdmin(['training', 'import', bad], env, io)).toBe(1);
    expect(err.slice(1)).toEqual(['  line 3: module not in the catalogue']);
    const services = createServices(store, { pseudonymSecret: 'x'.repeat(32) });
    expect(await services.training.recordsOf(oid)).toEqual([]);

    const good = path.join(dir, 'good.csv');
    await writeFile(good, `person,module,date,hours\n${oid},pagopa,2026-01-10,2\n`);
    expect(await runAdmin(['training', 'import', good], env, io)).toBe(0);
    expect(out).toEqual(['Imported 1 completions of 1 facilitators.']);
    expect((await services.training.recordsOf(oid)).map((r) => r.moduleId)).toEqual(['pagopa']);
  });
});
