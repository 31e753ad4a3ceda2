import departments from '../../content/demo/departments.json';
import names from '../../content/demo/names.json';
import playgroundUsers from '../../content/demo/playground-users.json';
import { seededRandom } from '../util/random';
import { PersonSchema, type Person } from './person';

export const DEMO_DOMAIN = 'comune-demo.example';
const PEOPLE_PER_DEPARTMENT = 25;

/**
 * A synthetic city administration: ~300 invented people in 12 departments with their units,
 * a manager per department and unit, a few facilitators and admins, and the Agents Playground's
 * mock users so that chatting there works as a known employee. No real person is in it.
 */
export function generateDemoDirectory(seed = 2026): Person[] {
  const next = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const hex = (n: number): string =>
    Array.from({ length: n }, () => Math.floor(next() * 16).toString(16)).join('');
  const usedUpns = new Set(playgroundUsers.map((u) => u.upn));
  const people: Person[] = playgroundUsers.map((user) => PersonSchema.parse(user));

  for (const [d, department] of departments.entries()) {
    for (let i = 0; i < PEOPLE_PER_DEPARTMENT; i++) {
      const first = pick(names.first);
      const last = pick(names.last);
      const base = `${first}.${last}`.toLowerCase().replace(/[^a-z.]/g, '');
      let upn = `${base}@${DEMO_DOMAIN}`;
      for (let n = 2; usedUpns.has(upn); n++) upn = `${base}${n}@${DEMO_DOMAIN}`;
      usedUpns.add(upn);
      const isDirector = i === 0;
      const unit = isDirector ? undefined : department.units[(i - 1) % department.units.length];
      const isUnitHead = !isDirector && i <= department.units.length;
      const roles: Person['roles'] = [];
      if (i === 5 || (i === 12 && d % 2 === 0)) roles.push('facilitator');
      if (department.name === 'Area Personale e Organizzazione' && i === 3) roles.push('admin');
      people.push(
        PersonSchema.parse({
          objectId: `${hex(8)}-${hex(4)}-4${hex(3)}-${pick(['8', '9', 'a', 'b'])}${hex(3)}-${hex(12)}`,
          upn,
          displayName: `${first} ${last}`,
          orgUnitPath: unit ? [department.name, unit] : [department.name],
          manager: isDirector || isUnitHead,
          roles,
          locale: next() < 0.9 ? 'it-IT' : 'en-US',
        }),
      );
    }
  }
  return people;
}
