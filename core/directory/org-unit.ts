import { formatOrgUnitPath } from './person';

/** A unit of the organisation chart, by its path from the top (area, settore, …). */
export interface OrgUnit {
  path: string[];
}

/** Every unit named by `paths`, with all its ancestors, once each. */
export function orgUnitsOf(paths: readonly (readonly string[])[]): OrgUnit[] {
  const seen = new Map<string, OrgUnit>();
  for (const path of paths) {
    for (let depth = 1; depth <= path.length; depth++) {
      const prefix = path.slice(0, depth);
      seen.set(formatOrgUnitPath(prefix), { path: prefix });
    }
  }
  return [...seen.values()];
}
