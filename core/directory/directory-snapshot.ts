import type { OrgUnitsRepository } from './org-units.repository';
import { PerImport } from './per-import';
import type { PeopleRepository } from './people.repository';
import type { Person } from './person';

/** Lower case, without accents: «Niccolò» and «niccolo» are the same word. */
const foldText = (text: string): string =>
  text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

const wordsOf = (text: string): string[] =>
  foldText(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

/** The directory as of one import: people by object id, and their name words sorted for search. */
export class DirectoryPeople {
  private readonly byObjectId = new Map<string, Person>();
  /** Every (name word, person), sorted by word: a prefix is a contiguous range. */
  private readonly words: { word: string; person: Person }[] = [];

  constructor(
    /** The import stamp this was read at: views built from it are valid while it holds. */
    readonly version: string,
    people: readonly Person[],
  ) {
    for (const person of people) {
      if (!person.objectId) continue;
      this.byObjectId.set(person.objectId, person);
      for (const word of new Set(wordsOf(person.displayName))) this.words.push({ word, person });
    }
    this.words.sort((a, b) => (a.word < b.word ? -1 : a.word > b.word ? 1 : 0));
  }

  person(objectId: string): Person | undefined {
    return this.byObjectId.get(objectId.toLowerCase());
  }

  /**
   * People whose name has, for every word of `query`, a word starting with it (accents and case
   * ignored), by name, at most `limit`; people without an object id are never found.
   */
  search(query: string, limit: number): Person[] {
    const [first, ...rest] = wordsOf(query).sort((a, b) => b.length - a.length);
    if (first === undefined) return [];
    const found = new Set<Person>();
    for (let i = this.lowerBound(first); i < this.words.length; i++) {
      const entry = this.words[i]!;
      if (!entry.word.startsWith(first)) break;
      found.add(entry.person);
    }
    return [...found]
      .filter((person) => {
        const words = wordsOf(person.displayName);
        return rest.every((part) => words.some((word) => word.startsWith(part)));
      })
      .sort((a, b) => a.displayName.localeCompare(b.displayName))
      .slice(0, limit);
  }

  private lowerBound(prefix: string): number {
    let low = 0;
    let high = this.words.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.words[middle]!.word < prefix) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}

/**
 * The whole directory in memory, read once per import and instance (one range read; otherwise
 * the import stamp, one point read): names in cached views and the person picker read it, never
 * the people table per request.
 */
export type DirectorySnapshot = PerImport<DirectoryPeople>;

export function directorySnapshot(
  people: Pick<PeopleRepository, 'inBuckets'>,
  orgUnits: Pick<OrgUnitsRepository, 'importVersion'>,
): DirectorySnapshot {
  return new PerImport(orgUnits, async (version) => {
    return new DirectoryPeople(version ?? '', await people.inBuckets(['b00', 'bff']));
  });
}
