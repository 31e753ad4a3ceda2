import playgroundUsers from '../../content/demo/playground-users.json';
import { departmentOf, type Person } from '../directory/person';
import { seededRandom } from '../util/random';
import type { Candidate } from './facilitators';

/** The share of the demo organisation that said yes to `fc-consent`. */
const CONSENTING = 0.35;

/**
 * Invented candidates for the local demo (no real person): about a third of the synthetic
 * organisation consented, with scores spread so that a round at 70/70 finds some people above
 * both thresholds and leaves other departments to be covered. The Playground's own users are
 * left out: they become candidates by answering the questionnaire themselves.
 */
export function demoCandidates(people: readonly Person[], seed = 14): Candidate[] {
  const next = seededRandom(seed);
  const mock = new Set(playgroundUsers.map((user) => user.objectId));
  const score = (base: number) =>
    Math.round(Math.min(100, Math.max(0, base + (next() - 0.5) * 40)) * 10) / 10;
  return people.flatMap((person) => {
    if (!person.objectId || mock.has(person.objectId) || next() >= CONSENTING) return [];
    const base = 45 + next() * 35;
    return [
      {
        objectId: person.objectId,
        department: departmentOf(person),
        digitalSkills: score(base),
        motivation: score(base),
        interested: next() < 0.6,
        submittedAt: new Date('2026-02-20T10:00:00Z'),
      },
    ];
  });
}
