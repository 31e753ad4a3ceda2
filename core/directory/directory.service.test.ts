import type { OrgUnit } from './org-unit';
import { DirectoryService } from './directory.service';
import type { Person } from './person';

const SARA: Person = {
  objectId: '5d1c2b3a-0000-4000-8000-00000000000a',
  displayName: 'Sara Conti',
  orgUnitPath: ['Area Welfare'],
  manager: false,
  roles: ['admin'],
  locale: 'it-IT',
};
const LUCA: Person = { ...SARA, objectId: '5d1c2b3a-0000-4000-8000-00000000000b', roles: [] };

/** One store shared by two services, as the running app and the admin CLI share Azure Tables. */
class FakeStore {
  readonly people = new Map<string, Person>();
  stamp: string | undefined;
  stampReads = 0;
  private held: Promise<void> | undefined;

  /** Holds the next read of a person in flight, after it has read the row, until released. */
  holdNextRead(): () => void {
    let release = () => {};
    this.held = new Promise((resolve) => (release = resolve));
    return release;
  }

  service(now: () => number): DirectoryService {
    const people = {
      byObjectId: async (objectId: string) => {
        const person = this.people.get(objectId);
        const held = this.held;
        this.held = undefined;
        await held;
        return person;
      },
      byUpn: async () => undefined,
      upsertMany: async (list: readonly Person[]) => {
        for (const person of list) this.people.set(person.objectId!, person);
      },
      isEmpty: async () => this.people.size === 0,
      grant: async () => true,
      revoke: async () => true,
    };
    const orgUnits = {
      upsertMany: async (_units: readonly OrgUnit[]) => undefined,
      stampImport: async (at: Date) => {
        this.stamp = `W/"${at.getTime()}-${this.stampReads}"`;
      },
      importVersion: async () => {
        this.stampReads++;
        return this.stamp;
      },
    };
    return new DirectoryService(people, orgUnits, now);
  }
}

describe('DirectoryService', () => {
  let now: number;
  let store: FakeStore;
  let app: DirectoryService;
  let cli: DirectoryService;

  beforeEach(async () => {
    now = 0;
    store = new FakeStore();
    app = store.service(() => now);
    cli = store.service(() => now);
    await cli.importPeople([SARA, LUCA]);
  });

  it("applies another process's import within a second", async () => {
    expect((await app.find({ objectId: SARA.objectId }))?.roles).toEqual(['admin']);
    now += 10;
    await cli.importPeople([{ ...SARA, roles: [] }]);
    now += 1_000;
    expect((await app.find({ objectId: SARA.objectId }))?.roles).toEqual([]);
  });

  it('reads the import stamp at most once a second, whatever the traffic', async () => {
    const reads = store.stampReads;
    for (let i = 0; i < 50; i++) await app.find({ objectId: SARA.objectId });
    now += 999;
    await Promise.all([SARA, LUCA].map(({ objectId }) => app.find({ objectId })));
    expect(store.stampReads - reads).toBe(1);
  });

  it('does not cache a lookup that was in flight when an import was noticed', async () => {
    await app.find({ objectId: LUCA.objectId });
    now += 500;
    const release = store.holdNextRead();
    const inFlight = app.find({ objectId: SARA.objectId });
    await new Promise(setImmediate);
    await cli.importPeople([{ ...SARA, roles: [] }]);
    now += 500;
    await app.find({ objectId: LUCA.objectId });
    release();
    expect((await inFlight)?.roles).toEqual(['admin']);
    expect((await app.find({ objectId: SARA.objectId }))?.roles).toEqual([]);
  });
});
