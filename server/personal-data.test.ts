import { TableStore } from '../core/store/table-store';
import { ALL_TABLES } from './registry';
import { TEST_CONFIG } from '../test/store';
import { createServices } from './app';
import { NO_PERSONAL_DATA } from './personal-data';

// Clients are made without a connection: nothing here touches the network.
const services = createServices(
  new TableStore({ kind: 'connectionString', connectionString: 'UseDevelopmentStorage=true' }),
  TEST_CONFIG,
);
const covered = services.privacy.holders.flatMap((holder) => holder.tables);
const free = NO_PERSONAL_DATA.map((entry) => entry.table);

describe('the personal-data registry', () => {
  it.each(ALL_TABLES.map((table) => [table]))(
    'has %s covered by a holder or declared free of personal data',
    (table) => {
      expect([...covered, ...free]).toContain(table);
    },
  );

  it('declares each table once, and only tables that exist', () => {
    const declared = [...covered, ...free];
    expect(new Set(declared).size).toBe(declared.length);
    expect([...declared].sort()).toEqual([...ALL_TABLES].sort());
  });

  it('gives a reason for every table free of personal data', () => {
    for (const entry of NO_PERSONAL_DATA) expect(entry.reason.length).toBeGreaterThan(10);
  });

  it('erases the identity link last, so an interrupted erasure can be repeated', () => {
    expect(services.privacy.holders.at(-1)!.tables).toEqual(['identitylinks']);
  });
});
