import type { Person } from '../directory/person';

/** The facilitators an employee is shown, and how near they are. */
export interface NearFacilitators {
  /**
   * `unit`: of the employee's own unit (their settore or department); `area`: of the nearest
   * grouping above it that has any (the area the unit belongs to); `none`: nobody up to the top.
   */
  scope: 'unit' | 'area' | 'none';
  /** The unit they were found in (the employee's own one, or the grouping above). */
  unit: string[];
  facilitators: Person[];
}

const within = (path: readonly string[], unit: readonly string[]) =>
  unit.every((segment, i) => path[i] === segment);

/**
 * The facilitators of the employee's own org unit (and the units below it), else of the nearest
 * ancestor unit that has some: a settore without one shows its area's. Never the employee
 * themselves; by name.
 */
export function nearFacilitators(
  employee: Pick<Person, 'objectId' | 'orgUnitPath'>,
  facilitators: readonly Person[],
): NearFacilitators {
  const others = facilitators.filter((f) => f.objectId !== employee.objectId);
  const path = employee.orgUnitPath;
  for (let depth = path.length; depth >= 1; depth--) {
    const unit = path.slice(0, depth);
    const found = others.filter((f) => within(f.orgUnitPath, unit));
    if (found.length > 0) {
      return {
        scope: depth === path.length ? 'unit' : 'area',
        unit,
        facilitators: found.sort((a, b) => a.displayName.localeCompare(b.displayName)),
      };
    }
  }
  return { scope: 'none', unit: [...path], facilitators: [] };
}
