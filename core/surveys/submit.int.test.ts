import type { Person } from '../directory/person';
import { createServices } from '../../server/app';
import { freshStore, TEST_CONFIG } from '../../test/store';
import { newNonce } from './survey.service';

jest.setTimeout(120_000);

const ADMIN = '00000000-0000-4000-8000-aaaaaaaaaaaa';
const person: Person = {
  objectId: 'c4c4e000-0000-4000-8000-0000000000a1',
  displayName: 'Persona',
  orgUnitPath: ['Area Ambiente'],
  manager: false,
  roles: [],
  locale: 'it-IT',
};

/**
 * A Submit reads the ledger by the pseudonym the person's link would give beside the link's own
 * read; a link made under an earlier secret holds another pseudonym, which is then the one asked.
 */
describe('survey Submit (Azurite)', () => {
  it('refuses a second response from a person linked under an earlier secret', async () => {
    const { store, drop } = await freshStore();
    try {
      const before = createServices(store, {
        pseudonymSecret: 'an-earlier-secret-0123456789abcdef',
      });
      await before.pseudonyms.link(person.objectId!);
      const services = createServices(store, TEST_CONFIG);
      await services.directory.importPeople([person]);
      const created = await services.surveys.create(
        {
          title: 'Benessere organizzativo',
          anonymous: true,
          questions: [{ id: 'mood', type: 'scale', text: 'Come va?' }],
          audience: { kind: 'all' },
        },
        ADMIN,
      );
      const survey = await services.surveys.launch(created.id, ADMIN);
      const submit = () =>
        services.surveys.submit({
          survey,
          nonce: newNonce(),
          objectId: person.objectId!,
          person,
          answers: { mood: '4' },
        });
      expect(await submit()).toBe('stored');
      expect(await submit()).toBe('alreadyAnswered');
      expect(await services.surveys.responded(survey.id)).toBe(1);
    } finally {
      await drop();
    }
  });
});
