import type { OrgUnitsRepository } from './org-units.repository';
import type { PeopleRepository } from './people.repository';
import { PerImport } from './per-import';
import type { Person } from './person';

/** How many people the directory has in each unit, whole subtree or its own members only. */
export interface UnitHeadcounts {
  /** People in the unit and every unit below it (the organisation is `[]`). */
  subtree(path: readonly string[]): number;
  /** People attached to the unit itself, not to one of its sub-units. */
  direct(path: readonly string[]): number;
}

const keyOf = (path: readonly string[]) => JSON.stringify(path);

/** Counts `people` per unit, from the organisation down. */
export function headcountsOf(people: readonly Pick<Person, 'orgUnitPath'>[]): UnitHeadcounts {
  const subtree = new Map<string, number>();
  const direct = new Map<string, number>();
  const add = (counts: Map<string, number>, path: readonly string[]) =>
    counts.set(keyOf(path), (counts.get(keyOf(path)) ?? 0) + 1);
  for (const { orgUnitPath } of people) {
    add(direct, orgUnitPath);
    for (let depth = 0; depth <= orgUnitPath.length; depth++) {
      add(subtree, orgUnitPath.slice(0, depth));
    }
  }
  return {
    subtree: (path) => subtree.get(keyOf(path)) ?? 0,
    direct: (path) => direct.get(keyOf(path)) ?? 0,
  };
}

/**
 * The directory's headcounts as of its last import: the whole directory is read once per import
 * and instance (one range read), and otherwise only the import stamp (one point read).
 */
export class DirectoryHeadcounts {
  private readonly counts: PerImport<UnitHeadcounts>;

  constructor(deps: {
    people: Pick<PeopleRepository, 'inBuckets'>;
    orgUnits: Pick<OrgUnitsRepository, 'importVersion'>;
  }) {
    this.counts = new PerImport(deps.orgUnits, () =>
      deps.people.inBuckets(['b00', 'bff']).then(headcountsOf),
    );
  }

  current(): Promise<UnitHeadcounts> {
    return this.counts.current();
  }
}
