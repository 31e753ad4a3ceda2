import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PeopleRepository } from '../core/directory/people.repository';
import { TableStore } from '../core/store/table-store';
import { ALL_TABLES } from './registry';
import { openEmbeddedStore } from './azurite';
import { isListening } from './child-process';

const person = {
  objectId: '5d1c2b3a-0000-4000-8000-0000000000aa',
  displayName: 'Anna Neri',
  orgUnitPath: ['Area Welfare'],
  manager: false,
  roles: [],
  locale: 'it-IT' as const,
};

async function peopleIn(connectionString: string): Promise<PeopleRepository> {
  const store = new TableStore({ kind: 'connectionString', connectionString });
  await store.ensureTables(ALL_TABLES);
  return new PeopleRepository(store);
}

describe('embedded store', () => {
  it('keeps data across a stop and a restart, and lets a second process join', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'oibo-data-'));

    const first = await openEmbeddedStore(dataDir);
    await (await peopleIn(first.connectionString)).upsertMany([person]);

    const joined = await openEmbeddedStore(dataDir);
    expect(joined.port).toBe(first.port);
    await joined.stop();
    expect(await isListening(first.port)).toBe(true);

    await first.stop();
    expect(await isListening(first.port)).toBe(false);
    await expect(readFile(path.join(dataDir, 'azurite.json'))).rejects.toMatchObject({
      code: 'ENOENT',
    });

    const second = await openEmbeddedStore(dataDir);
    try {
      expect(await (await peopleIn(second.connectionString)).byObjectId(person.objectId)).toEqual(
        person,
      );
    } finally {
      await second.stop();
    }
  }, 30_000);
});
