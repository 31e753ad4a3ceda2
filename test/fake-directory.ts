import type { Person } from '../core/directory/person';
import type { PersonFinder } from '../tab/api/auth/identity';

/** A directory person with test defaults (an employee of one unit). */
export function testPerson(overrides: Partial<Person> & Pick<Person, 'displayName'>): Person {
  return {
    orgUnitPath: ['Area Welfare', 'Settore Servizi Sociali'],
    manager: false,
    roles: [],
    locale: 'it-IT',
    ...overrides,
  };
}

/** In-memory stand-in for `DirectoryService.find` (by object id, then by UPN), for unit tests. */
export function fakeDirectory(people: readonly Person[]): PersonFinder {
  return {
    find: async ({ objectId, upn }) =>
      people.find((p) => objectId !== undefined && p.objectId === objectId) ??
      people.find((p) => upn !== undefined && p.upn === upn),
  };
}
