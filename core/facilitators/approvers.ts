import { personId, rolesOf, type Person } from '../directory/person';

/** Who decides on a person's acceptance, and as what. */
export interface Approvers {
  /** `manager`: the managers of the nearest unit up the tree; `programme`: the programme team. */
  as: 'manager' | 'programme';
  objectIds: string[];
}

const samePath = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((segment, i) => segment === b[i]);

/**
 * The person's approvers among `people` (the directory, read once): the managers (`manager: true`)
 * of their own org unit, else of the nearest ancestor unit that has one; a manager of their own
 * unit goes to the parent unit's. With no manager up to the top, the programme team (admins)
 * decides, as the same card in their chat: someone accountable always decides, and the decision
 * is audited like any other. Never the person themselves; only people the bot can name.
 */
export function approversOf(person: Person, people: Iterable<Person>): Approvers {
  const self = personId(person);
  const managers: Person[] = [];
  const programme: string[] = [];
  for (const other of people) {
    if (!other.objectId || personId(other) === self) continue;
    if (other.manager) managers.push(other);
    if (rolesOf(other).includes('admin')) programme.push(other.objectId);
  }
  const path = person.orgUnitPath;
  for (let depth = person.manager ? path.length - 1 : path.length; depth >= 1; depth--) {
    const unit = path.slice(0, depth);
    const found = managers.filter((m) => samePath(m.orgUnitPath, unit)).map((m) => m.objectId!);
    if (found.length > 0) return { as: 'manager', objectIds: found.sort() };
  }
  return { as: 'programme', objectIds: programme.sort() };
}
