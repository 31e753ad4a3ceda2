import { formatOrgUnitPath } from '../directory/person';
import { MAX_BATCH, type Stored } from '../store/entity-table';
import type { AggregateValues } from './aggregates';
import type { PendingContribution } from './aggregates.repository';

/** One person's waiting contributions in one unit, resolved to what they change. */
export interface Contribution {
  pseudonym: string;
  rows: Stored<PendingContribution>[];
  deltas: Map<string, AggregateValues>;
}

/** The waiting rows of units where at least k different people wait. */
export function candidates(
  pending: Stored<PendingContribution>[],
  k: number,
): Stored<PendingContribution>[] {
  const people = new Map<string, Set<string>>();
  for (const { value } of pending) {
    const unit = formatOrgUnitPath(value.orgUnitPath);
    people.set(unit, (people.get(unit) ?? new Set()).add(value.pseudonym));
  }
  return pending.filter(({ value }) => people.get(formatOrgUnitPath(value.orgUnitPath))!.size >= k);
}

/**
 * A unit's waiting people in steps that may be counted: each of at least k people, and for every
 * dimension either none or at least k of them changing it; small enough for one transaction
 * with the unit's cells. None while fewer than k people wait.
 */
export function readySteps(people: Contribution[], k: number): Contribution[][] {
  const entries = people.reduce((sum, person) => sum + person.rows.length, 0);
  const dimensions = new Set(people.flatMap((person) => [...person.deltas.keys()]));
  const room = MAX_BATCH - dimensions.size;
  for (let parts = Math.max(1, Math.ceil(entries / room)); parts * k <= people.length; parts++) {
    const steps: Contribution[][] = Array.from({ length: parts }, () => []);
    people.forEach((person, i) => steps[i % parts]!.push(person));
    if (steps.every((step) => fits(step, k, room))) return steps;
  }
  return [];
}

function fits(step: Contribution[], k: number, room: number): boolean {
  if (step.length < k) return false;
  if (step.reduce((sum, person) => sum + person.rows.length, 0) > room) return false;
  const changing = new Map<string, number>();
  for (const person of step) {
    for (const dimension of person.deltas.keys())
      changing.set(dimension, (changing.get(dimension) ?? 0) + 1);
  }
  return [...changing.values()].every((n) => n >= k);
}
