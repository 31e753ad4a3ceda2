import type { Candidate } from './facilitators';
import { byMerit, defaultTarget, selectShortlist } from './selection';

const at = new Date('2026-03-01T09:00:00Z');
const person = (
  objectId: string,
  department: string,
  digitalSkills: number,
  motivation: number,
  interested = false,
): Candidate => ({ objectId, department, digitalSkills, motivation, interested, submittedAt: at });

const thresholds = { digitalSkills: 70, motivation: 70 };
const picks = (selected: ReturnType<typeof selectShortlist>) =>
  selected.map(({ candidate, reason }) => `${candidate.objectId}:${reason}`);

describe('selectShortlist', () => {
  it('takes everyone at or above both thresholds, whatever the targets', () => {
    const selected = selectShortlist(
      [person('a', 'D1', 70, 70), person('b', 'D1', 90, 69.9), person('c', 'D1', 95, 80)],
      thresholds,
      { D1: 0 },
    );
    expect(picks(selected)).toEqual(['c:aboveThresholds', 'a:aboveThresholds']);
  });

  it('fills a department below its target with its best remaining people, and no more', () => {
    const selected = selectShortlist(
      [
        person('a', 'D1', 80, 75),
        person('b', 'D1', 60, 65),
        person('c', 'D1', 69, 40),
        person('d', 'D1', 50, 50),
        person('e', 'D2', 65, 65),
      ],
      thresholds,
      { D1: 3, D2: 0 },
    );
    expect(picks(selected)).toEqual(['a:aboveThresholds', 'b:coverage', 'c:coverage']);
  });

  it('counts people above the thresholds towards the target', () => {
    const selected = selectShortlist(
      [person('a', 'D1', 80, 75), person('b', 'D1', 90, 90), person('c', 'D1', 60, 60)],
      thresholds,
      { D1: 2 },
    );
    expect(picks(selected)).toEqual(['b:aboveThresholds', 'a:aboveThresholds']);
  });

  it('gives a department without a target, or with too few people, what it has', () => {
    const selected = selectShortlist(
      [person('a', 'D1', 10, 10), person('b', 'D2', 20, 20)],
      thresholds,
      { D1: 5 },
    );
    expect(picks(selected)).toEqual(['a:coverage']);
  });

  it('breaks ties by the lower score, then interest, then object id, whatever the input order', () => {
    const people = [
      person('z', 'D1', 60, 60),
      person('y', 'D1', 60, 60, true),
      person('x', 'D1', 70, 50),
      person('w', 'D1', 60, 60),
    ];
    const forward = selectShortlist(people, thresholds, { D1: 3 });
    const backward = selectShortlist([...people].reverse(), thresholds, { D1: 3 });
    expect(picks(forward)).toEqual(['y:coverage', 'w:coverage', 'z:coverage']);
    expect(picks(backward)).toEqual(picks(forward));
  });
});

describe('byMerit', () => {
  it('puts the higher sum first', () => {
    expect(byMerit(person('a', 'D', 80, 80), person('b', 'D', 90, 71))).toBeGreaterThan(0);
  });
});

describe('defaultTarget', () => {
  it('asks one per 50 employees, rounded up, from 10 people on', () => {
    expect([0, 9, 10, 50, 51, 100, 101].map(defaultTarget)).toEqual([0, 0, 1, 1, 2, 2, 3]);
  });
});
