import { freshStore } from '../../test/store';
import { EntityTable, odata, type EntityMapping } from './entity-table';
import { AlreadyExistsError, ConcurrencyError } from './errors';
import { InvalidKeyError } from './keys';
import { retryOnConflict } from './retry';
import type { TableStore } from './table-store';

interface Counter {
  group: string;
  name: string;
  count: number;
}

const mapping: EntityMapping<Counter> = {
  keys: (c) => ({ partitionKey: c.group, rowKey: c.name }),
  toEntity: (c) => ({ count: c.count }),
  fromEntity: (e) => ({
    group: String(e.partitionKey),
    name: String(e.rowKey),
    count: Number(e.count),
  }),
};

describe('EntityTable over Azurite', () => {
  let store: TableStore;
  let drop: () => Promise<void>;
  let table: EntityTable<Counter>;

  beforeAll(async () => {
    ({ store, drop } = await freshStore());
    await store.ensureTables(['counters']);
    table = new EntityTable(store.client('counters'), mapping);
  });
  afterAll(async () => {
    await store.deleteTables(['counters']);
    await drop();
  });

  it('creates tables idempotently', async () => {
    await expect(store.ensureTables(['counters'])).resolves.toBeUndefined();
  });

  it('round-trips an entity and answers undefined for a missing one', async () => {
    await table.insert({ group: 'g1', name: 'a', count: 1 });
    expect((await table.get('g1', 'a'))?.value).toEqual({ group: 'g1', name: 'a', count: 1 });
    expect(await table.get('g1', 'missing')).toBeUndefined();
  });

  it('refuses a second insert with the same keys', async () => {
    await table.insert({ group: 'g1', name: 'dup', count: 1 });
    await expect(table.insert({ group: 'g1', name: 'dup', count: 2 })).rejects.toBeInstanceOf(
      AlreadyExistsError,
    );
  });

  it('updates only with the current etag', async () => {
    await table.insert({ group: 'g1', name: 'b', count: 1 });
    const read = (await table.get('g1', 'b'))!;
    await table.update({ ...read.value, count: 2 }, read.etag);
    await expect(table.update({ ...read.value, count: 3 }, read.etag)).rejects.toBeInstanceOf(
      ConcurrencyError,
    );
    expect((await table.get('g1', 'b'))?.value.count).toBe(2);
  });

  it('updates a batch only if every row is unchanged, and returns etags that work next time', async () => {
    const rows = ['a', 'b', 'c'].map((name) => ({ group: 'batch', name, count: 0 }));
    const etags = await Promise.all(rows.map((row) => table.insert(row)));
    const first = await table.updateAll(
      rows.map((r, i) => ({ value: { ...r, count: 1 }, etag: etags[i]! })),
    );
    const second = await table.updateAll(
      rows.map((r, i) => ({ value: { ...r, count: 2 }, etag: first[i]! })),
    );
    expect(second).toHaveLength(3);

    // One stale etag: the whole batch is refused and nothing changes.
    const stale = rows.map((r, i) => ({
      value: { ...r, count: 9 },
      etag: i === 1 ? first[1]! : second[i]!,
    }));
    await expect(table.updateAll(stale)).rejects.toBeInstanceOf(ConcurrencyError);
    const counts = await Promise.all(
      rows.map(async (r) => (await table.get('batch', r.name))?.value.count),
    );
    expect(counts).toEqual([2, 2, 2]);
  });

  it('deletes only with the current etag', async () => {
    await table.insert({ group: 'g1', name: 'c', count: 1 });
    const read = (await table.get('g1', 'c'))!;
    await table.update({ ...read.value, count: 2 }, read.etag);
    await expect(
      table.delete({ partitionKey: 'g1', rowKey: 'c' }, read.etag),
    ).rejects.toBeInstanceOf(ConcurrencyError);
    const fresh = (await table.get('g1', 'c'))!;
    await table.delete({ partitionKey: 'g1', rowKey: 'c' }, fresh.etag);
    expect(await table.get('g1', 'c')).toBeUndefined();
  });

  it('counts every concurrent increment exactly once with retried read-modify-writes', async () => {
    await table.insert({ group: 'g1', name: 'hits', count: 0 });
    const increment = (): Promise<void> =>
      retryOnConflict(
        async () => {
          const read = (await table.get('g1', 'hits'))!;
          await table.update({ ...read.value, count: read.value.count + 1 }, read.etag);
        },
        { attempts: 50, baseDelayMs: 2 },
      );
    await Promise.all(Array.from({ length: 20 }, increment));
    expect((await table.get('g1', 'hits'))?.value.count).toBe(20);
  });

  it('modifies a row that may not exist yet, counting concurrent changes once each', async () => {
    const vote = (): Promise<Counter | undefined> =>
      table.modify(
        { partitionKey: 'g2', rowKey: 'votes' },
        (current) => ({ group: 'g2', name: 'votes', count: (current?.count ?? 0) + 1 }),
        { attempts: 50, baseDelayMs: 2 },
      );
    await Promise.all(Array.from({ length: 20 }, vote));
    expect((await table.get('g2', 'votes'))?.value.count).toBe(20);
  });

  it('modifies from a read started before, and reads again when that read is stale', async () => {
    const keys = { partitionKey: 'g4', rowKey: 'held' };
    const add = (current: Counter | undefined): Counter => ({
      group: 'g4',
      name: 'held',
      count: (current?.count ?? 0) + 1,
    });
    // A read of a row that does not exist yet, then someone else inserts it: the insert conflicts.
    const early = table.get('g4', 'held');
    await early;
    await table.insert({ group: 'g4', name: 'held', count: 10 });
    expect((await table.modify(keys, add, undefined, early))?.count).toBe(11);
    // A current read: its row is the one changed.
    const current = table.get('g4', 'held');
    expect((await table.modify(keys, add, undefined, current))?.count).toBe(12);
    // A read made stale by a write in between: the write with its etag conflicts, and it reads again.
    const stale = table.get('g4', 'held');
    await stale;
    await table.update(
      { group: 'g4', name: 'held', count: 20 },
      (await table.get('g4', 'held'))!.etag,
    );
    expect((await table.modify(keys, add, undefined, stale))?.count).toBe(21);
  });

  it('leaves the row as it is when the change returns nothing', async () => {
    await table.insert({ group: 'g3', name: 'kept', count: 7 });
    const before = await table.get('g3', 'kept');
    expect(await table.modify({ partitionKey: 'g3', rowKey: 'kept' }, () => undefined)).toEqual(
      before?.value,
    );
    expect((await table.get('g3', 'kept'))?.etag).toBe(before?.etag);
    expect(
      await table.modify({ partitionKey: 'g3', rowKey: 'none' }, () => undefined),
    ).toBeUndefined();
    expect(await table.get('g3', 'none')).toBeUndefined();
  });

  it('writes batches of more than 100 in one partition and reads past the 1,000-entity page', async () => {
    const many = Array.from({ length: 1_234 }, (_, i) => ({
      group: 'big',
      name: `n${String(i).padStart(5, '0')}`,
      count: i,
    }));
    await table.upsertMany(many);
    const seen = (await table.all(odata`PartitionKey eq ${'big'}`)).map(({ value }) => value.count);
    expect(seen).toHaveLength(1_234);
    expect(new Set(seen).size).toBe(1_234);
  });

  it('inserts only the missing rows and never overwrites one written meanwhile', async () => {
    const row = (i: number, count: number) => ({
      group: 'fill',
      name: `n${String(i).padStart(3, '0')}`,
      count,
    });
    await table.insert(row(7, 1_000));
    await table.insertMissing(Array.from({ length: 150 }, (_, i) => row(i, 0)));
    await table.insertMissing(Array.from({ length: 150 }, (_, i) => row(i, 1)));
    const counts = new Map<string, number>();
    for (const { value } of await table.all(odata`PartitionKey eq ${'fill'}`)) {
      counts.set(value.name, value.count);
    }
    expect(counts.size).toBe(150);
    expect(counts.get('n007')).toBe(1_000);
    expect([...counts.values()].filter((c) => c === 0)).toHaveLength(149);
  });

  it('filters with odata-escaped values', async () => {
    await table.insert({ group: "o'neil", name: 'x', count: 7 });
    const found = [];
    for await (const row of table.query(odata`PartitionKey eq ${"o'neil"} and count ge ${5}`))
      found.push(row.value);
    expect(found).toEqual([{ group: "o'neil", name: 'x', count: 7 }]);
  });

  it('refuses invalid keys before calling the store', async () => {
    await expect(table.insert({ group: 'a/b', name: 'x', count: 0 })).rejects.toBeInstanceOf(
      InvalidKeyError,
    );
    await expect(table.get('g', 'x'.repeat(513))).rejects.toBeInstanceOf(InvalidKeyError);
  });
});
