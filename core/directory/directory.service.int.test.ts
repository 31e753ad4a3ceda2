import { freshStore } from '../../test/store';
import type { TableStore } from '../store/table-store';
import { DirectoryService } from './directory.service';
import { OrgUnitsRepository } from './org-units.repository';
import { PeopleRepository } from './people.repository';
import type { Person } from './person';

const SARA: Person = {
  objectId: '5d1c2b3a-0000-4000-8000-00000000000a',
  upn: 'sara.conti@comune-demo.example',
  displayName: 'Sara Conti',
  orgUnitPath: ['Area Innovazione 🚀', 'Ufficio 👩🏽‍💻 «Città» / Servizi #1?'],
  manager: true,
  roles: ['admin'],
  locale: 'it-IT',
};

describe('DirectoryService over the real store', () => {
  let store: TableStore;
  let drop: () => Promise<void>;
  const directory = (now: () => number = Date.now) =>
    new DirectoryService(new PeopleRepository(store), new OrgUnitsRepository(store), now);

  beforeAll(async () => {
    ({ store, drop } = await freshStore());
  });
  afterAll(() => drop());

  it('imports org units and people whatever characters their names use, emoji included', async () => {
    await directory().importPeople([SARA]);
    expect((await new OrgUnitsRepository(store).list()).map((u) => u.path)).toEqual([
      ['Area Innovazione 🚀'],
      ['Area Innovazione 🚀', 'Ufficio 👩🏽‍💻 «Città» / Servizi #1?'],
    ]);
    expect(await directory().find({ objectId: SARA.objectId! })).toEqual(SARA);
  });

  it('takes away a role within a second when another process imports the directory', async () => {
    let now = 0;
    const app = directory(() => now);
    expect((await app.find({ objectId: SARA.objectId! }))?.roles).toEqual(['admin']);
    await directory().importPeople([{ ...SARA, roles: [] }]);
    now += 1_000;
    expect((await app.find({ objectId: SARA.objectId! }))?.roles).toEqual([]);
  });

  it('keeps a role granted in the app across imports, everywhere within a second', async () => {
    let now = 0;
    const app = directory(() => now);
    await directory().importPeople([{ ...SARA, roles: [] }]);
    expect((await app.find({ objectId: SARA.objectId! }))?.roles).toEqual([]);

    expect(await directory().setRole(SARA.objectId!, 'facilitator', true)).toBe(true);
    expect(await directory().setRole(SARA.objectId!, 'facilitator', true)).toBe(false);
    now += 1_000;
    expect((await app.find({ objectId: SARA.objectId! }))?.roles).toEqual(['facilitator']);

    await directory().importPeople([SARA]);
    now += 1_000;
    expect((await app.find({ objectId: SARA.objectId! }))?.roles).toEqual(['admin', 'facilitator']);
    const people = new PeopleRepository(store);
    const bucket = await people.inBuckets(['b00', 'bff']);
    expect(bucket.map((p) => p.roles)).toEqual([['admin', 'facilitator']]);
    expect(await people.some((p) => p.roles.includes('facilitator'))).toBe(true);

    expect(await directory().setRole(SARA.objectId!, 'facilitator', false)).toBe(true);
    now += 1_000;
    expect((await app.find({ objectId: SARA.objectId! }))?.roles).toEqual(['admin']);
  });
});
