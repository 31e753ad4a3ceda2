import type { Activity } from 'botbuilder';
import type { Person } from '../directory/person';
import { createServices, type Services } from '../../server/app';
import { ALL_TABLES } from '../../server/registry';
import { botHarness, cardText, personalActivity } from '../../test/bot-harness';
import { freshStore, TEST_CONFIG } from '../../test/store';
import type { TableStore } from '../store/table-store';
import { SurveyAnswersRepository } from './answers.repository';
import { PoolCipher } from './pool-cipher';
import { newNonce } from './survey.service';
import type { SurveyRecord } from './surveys.repository';

jest.setTimeout(120_000);

const ADMIN = '00000000-0000-4000-8000-aaaaaaaaaaaa';
const DEPARTMENT = 'Area Ambiente';
const people: Person[] = Array.from({ length: 30 }, (_, i) => ({
  objectId: `c4c4e000-0000-4000-8000-${String(i).padStart(12, '0')}`,
  displayName: `Persona ${i}`,
  orgUnitPath: [DEPARTMENT],
  manager: false,
  roles: [],
  locale: 'it-IT',
}));

/** Each table request as `METHOD table`, with when it started and ended (in call order). */
function recordRequests(store: TableStore) {
  const requests: { call: string; started: number; ended: number }[] = [];
  let clock = 0;
  for (const table of ALL_TABLES) {
    store.client(table).pipeline.addPolicy({
      name: 'submitPathRequests',
      sendRequest: async (request, next) => {
        const entry = { call: `${request.method} ${table}`, started: ++clock, ended: 0 };
        requests.push(entry);
        try {
          return await next(request);
        } finally {
          entry.ended = ++clock;
        }
      },
    });
  }
  return requests;
}

/**
 * An anonymous Submit stores the answer before it answers (a new process finds it held and close
 * writes it), with the reads it needs together and one write to the pool, never read.
 */
describe('survey Submit: the request path (Azurite)', () => {
  let services: Services;
  let store: TableStore;
  let drop: () => Promise<void>;
  let requests: ReturnType<typeof recordRequests>;
  let survey: SurveyRecord;

  beforeAll(async () => {
    ({ store, drop } = await freshStore());
    requests = recordRequests(store);
    services = createServices(store, TEST_CONFIG);
    await services.directory.importPeople(people);
    const created = await services.surveys.create(
      {
        title: 'Benessere organizzativo',
        anonymous: true,
        k: 3,
        questions: [{ id: 'mood', type: 'scale', text: 'Come va?' }],
        audience: { kind: 'all' },
      },
      ADMIN,
    );
    survey = await services.surveys.launch(created.id, ADMIN);
  });

  afterAll(() => drop());

  /** The answers' table as a process that knows nothing of this one sees it. */
  const pool = () =>
    new SurveyAnswersRepository(store, new PoolCipher(TEST_CONFIG.pseudonymSecret));

  const submit = (person: Person, nonce = newNonce()) =>
    services.surveys.submit({
      survey,
      nonce,
      objectId: person.objectId!,
      person,
      answers: { mood: '4' },
    });

  it('reads the link, the ledger and the survey together, then writes the pool once, then the ledger', async () => {
    const bot = botHarness(services);
    const press = (person: Person) =>
      bot.turn(
        personalActivity(
          { objectId: person.objectId! },
          {
            type: 'invoke',
            name: 'adaptiveCard/action',
            value: {
              action: {
                type: 'Action.Execute',
                verb: 'survey.submit',
                data: {
                  survey: survey.id,
                  rev: survey.revision,
                  page: 0,
                  nonce: newNonce(),
                  'q:mood': '3',
                },
              },
            },
          },
        ),
      );
    const cardOf = (replies: Partial<Activity>[]) =>
      cardText(
        (replies.find((a) => a.type === 'invokeResponse')?.value as { body: { value: unknown } })
          .body.value,
      );
    await press(people[29]!); // the first turn's work (the import stamp's read)
    await services.directory.find({ objectId: people[0]!.objectId! }); // the directory's cache, warm
    const from = requests.length;
    expect(cardOf(await press(people[0]!))).toContain('Grazie');
    const made = requests.slice(from);
    expect(made.map((r) => r.call).sort()).toEqual(
      [
        'GET identitylinks',
        'GET respondents',
        'GET surveys',
        'PATCH surveyanswers',
        'PUT identitylinks',
        'PUT respondents',
      ].sort(),
    );
    const at = (call: string) => made.find((r) => r.call === call)!;
    const reads = ['GET identitylinks', 'GET respondents', 'GET surveys'].map(at);
    // The three reads are all sent before any of them is answered.
    expect(Math.max(...reads.map((r) => r.started))).toBeLessThan(
      Math.min(...reads.map((r) => r.ended)),
    );
    // The ledger is written only once the answer is stored.
    expect(at('PUT respondents').started).toBeGreaterThan(at('PATCH surveyanswers').ended);

    // A person already linked: no write of the link.
    const again = requests.length;
    expect(cardOf(await press(people[0]!))).not.toContain('Grazie');
    expect(
      requests
        .slice(again)
        .map((r) => r.call)
        .sort(),
    ).toEqual(['GET identitylinks', 'GET respondents', 'GET surveys'].sort());
  });

  it('holds a Submit retried after a failure once, and concurrent Submits all', async () => {
    // A first try that stored the answer and failed before the ledger: the retry holds it again
    // in the same place.
    const nonce = newNonce();
    await pool().hold(survey.id, {
      nonce,
      department: DEPARTMENT,
      answers: { mood: 4 },
    });
    expect(await submit(people[1]!, nonce)).toBe('stored');
    expect(await submit(people[1]!, nonce)).toBe('alreadyAnswered');
    await Promise.all(people.slice(2, 29).map((p) => submit(p)));
    const before = (await pool().heldCounts(survey.id)).get(DEPARTMENT);
    expect(before).toBe(30); // people[29] and [0] by the bot, [1] once, [2..28]
    expect(await services.surveys.responded(survey.id)).toBe(30);
  });

  it('has every thanked answer in the store: a new process finds it held, and close writes it', async () => {
    const restarted = createServices(store, TEST_CONFIG);
    expect((await pool().heldCounts(survey.id)).get(DEPARTMENT)).toBe(30);
    await restarted.surveys.close(survey.id, ADMIN);
    let rows = 0;
    for await (const row of pool().answers(survey.id)) {
      expect(row).toMatchObject({ department: DEPARTMENT, answers: { mood: expect.any(Number) } });
      rows++;
    }
    expect(rows).toBe(30);
    expect((await pool().heldCounts(survey.id)).get(DEPARTMENT) ?? 0).toBe(0);
  });
});
