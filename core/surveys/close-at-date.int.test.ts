import type { Person } from '../directory/person';
import { createServices } from '../../server/app';
import { freshStore, TEST_CONFIG } from '../../test/store';
import { newNonce } from './survey.service';

jest.setTimeout(120_000);

const ADMIN = '00000000-0000-4000-8000-aaaaaaaaaaaa';
const people: Person[] = Array.from({ length: 4 }, (_, n) => ({
  objectId: `c4c4e000-0000-4000-8000-0000000000b${n}`,
  displayName: `Persona ${n}`,
  orgUnitPath: ['Area Ambiente'],
  manager: false,
  roles: [],
  locale: 'it-IT',
}));

/** A survey closes at its date with no request: the periodic round closes it and writes it all. */
describe('a survey at its closing date (Azurite)', () => {
  it('is closed by the round, which writes every held answer; results wait until then', async () => {
    const { store, drop } = await freshStore();
    try {
      let clock = new Date();
      const services = createServices(store, { ...TEST_CONFIG, now: () => clock });
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
      const survey = await services.surveys.launch(created.id, ADMIN);
      for (const person of people) {
        const outcome = await services.surveys.submit({
          survey,
          nonce: newNonce(),
          objectId: person.objectId!,
          person,
          answers: { mood: '4' },
        });
        expect(outcome).toBe('stored');
      }
      // Four held, fewer than 2k: the round writes none while the survey is open.
      await services.surveys.tick();
      const results = () => services.surveys.results(survey.id, { scope: [], locale: 'it-IT' });
      expect((await results()).responses).toBeNull();

      clock = new Date(survey.closesAt!.getTime() + 1_000);
      await expect(results()).rejects.toMatchObject({ code: 'finalising' });
      await services.surveys.tick();
      const closed = await services.surveys.get(survey.id);
      expect(closed.closedAt).toEqual(survey.closesAt);
      expect(closed.flushedAt).toBeDefined();
      expect(await results()).toMatchObject({ state: 'closed', responses: 4 });
    } finally {
      await drop();
    }
  });
});
