import type { Person } from '../directory/person';
import { createServices, type Services } from '../../server/app';
import { freshStore, TEST_CONFIG } from '../../test/store';
import { SurveyAnswersRepository } from './answers.repository';
import { PoolCipher } from './pool-cipher';
import { newNonce } from './survey.service';
import type { SurveyRecord } from './surveys.repository';
import type { Tally } from './tally';

jest.setTimeout(120_000);

const A = 'Area Ambiente';
const B = 'Area Bilancio';
const people: Person[] = Array.from({ length: 12 }, (_, n) => ({
  objectId: `c4c4e000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  displayName: `Persona ${n}`,
  orgUnitPath: [n % 2 === 0 ? A : B],
  manager: false,
  roles: [],
  locale: 'it-IT',
}));
const ADMIN = '00000000-0000-4000-8000-aaaaaaaaaaaa';

/** Results are computed once per tallies' version, scope, department and language. */
describe('survey results cache (Azurite)', () => {
  let services: Services;
  let drop: () => Promise<void>;
  let clock = new Date();
  let survey: SurveyRecord;

  beforeAll(async () => {
    const fresh = await freshStore();
    drop = fresh.drop;
    services = createServices(fresh.store, { ...TEST_CONFIG, now: () => clock });
    await services.directory.importPeople(people);
    const created = await services.surveys.create(
      {
        title: 'Benessere organizzativo',
        anonymous: false,
        purpose: 'Per richiamare chi chiede un colloquio.',
        k: 3,
        questions: [{ id: 'mood', type: 'scale', text: 'Come va?' }],
        audience: { kind: 'all' },
      },
      ADMIN,
    );
    survey = await services.surveys.launch(created.id, ADMIN);
  });

  afterAll(async () => {
    await drop();
  });

  const submit = (person: Person, mood: number) =>
    services.surveys.submit({
      survey,
      nonce: newNonce(),
      objectId: person.objectId!,
      person,
      answers: { mood: String(mood) },
    });
  const results = (scope: string[] = []) =>
    services.surveys.results(survey.id, { scope, locale: 'it-IT' });

  it('answers a view again until its tallies move here, another scope never from it, and never past a phase change', async () => {
    for (const person of people.slice(0, 8)) expect(await submit(person, 4)).toBe('stored');
    const first = await results();
    expect(first.responses).toBe(8);
    expect(await results()).toBe(first);

    // Another instance writes the tallies: this one answers the view it has (for a few seconds).
    const elsewhere = new SurveyAnswersRepository(
      services.store,
      new PoolCipher(TEST_CONFIG.pseudonymSecret),
    );
    const tally = (count: number): Tally => ({
      count,
      questions: { mood: { n: count, counts: { '5': count }, sum: 5 * count } },
    });
    await elsewhere.putTallies(
      survey.id,
      new Map([
        [A, tally(10)],
        [B, tally(10)],
      ]),
    );
    expect(await results()).toBe(first);
    // A manager's view is computed for their scope, not cut from the admin's.
    const managerView = await results([A]);
    expect(managerView.departments.map((d) => d.department)).toEqual([A]);
    expect(managerView.responses).toBe(10);
    // …and the admin's view shows it once the view's time is up.
    clock = new Date(clock.getTime() + 5_000);
    expect((await results()).responses).toBe(20);

    // A write through this instance moves the version: the next view is computed again.
    expect(await submit(people[8]!, 1)).toBe('stored');
    const after = await results();
    expect(after).not.toBe(first);
    expect(after.responses).toBe(21);
    expect(after.questions[0]!.counts.find((c) => c.value === '1')?.count).toBe(1);

    // A second after its closing date (within the view's time) the survey's results wait for
    // the last answers (409), as a fresh computation would: not the view of a second before.
    clock = new Date(survey.closesAt!.getTime() - 1_000);
    expect((await results()).state).toBe('open');
    clock = new Date(survey.closesAt!.getTime() + 1);
    await expect(results()).rejects.toMatchObject({ code: 'finalising' });
  });
});
