import type { SelectionRound, ShortlistEntry, ShortlistStatus } from './facilitators';
import { roundView } from './round-view';

const at = new Date('2026-03-01T09:00:00Z');
const round: SelectionRound = {
  id: 'r1',
  createdAt: at,
  createdBy: 'admin',
  thresholds: { digitalSkills: 70, motivation: 70 },
  targets: { 'Area B': 2, 'Area A': 1, 'Area C': 0 },
  managerApproval: true,
};
const entry = (
  objectId: string,
  department: string,
  status: ShortlistStatus,
  reason: ShortlistEntry['reason'] = 'aboveThresholds',
  score = 80,
): ShortlistEntry => ({
  roundId: 'r1',
  objectId,
  displayName: objectId,
  department,
  digitalSkills: score,
  motivation: score,
  interested: false,
  reason,
  status,
  changedAt: at,
});

describe('roundView', () => {
  const entries = [
    entry('b1', 'Area B', 'proposed', 'manual'),
    entry('b2', 'Area B', 'proposed', 'coverage', 60),
    entry('b3', 'Area B', 'proposed', 'aboveThresholds', 75),
    entry('a1', 'Area A', 'removed'),
    entry('a2', 'Area A', 'withdrawn'),
  ];

  it('lists by department, reason and merit, without people who withdrew their consent', () => {
    const view = roundView(round, entries, () => 30);
    expect(view.candidates.map((e) => e.objectId)).toEqual(['a1', 'b3', 'b2', 'b1']);
  });

  it('counts candidates without removed people and marks a department short of its target', () => {
    const view = roundView(round, entries, (d) => (d === 'Area A' ? 12 : 100));
    expect(view.coverage).toEqual([
      {
        department: 'Area A',
        employees: 12,
        target: 1,
        candidates: 0,
        invited: 0,
        accepted: 0,
        belowTarget: true,
      },
      {
        department: 'Area B',
        employees: 100,
        target: 2,
        candidates: 3,
        invited: 0,
        accepted: 0,
        belowTarget: false,
      },
      {
        department: 'Area C',
        employees: 100,
        target: 0,
        candidates: 0,
        invited: 0,
        accepted: 0,
        belowTarget: false,
      },
    ]);
  });

  it('once invited, measures coverage by who accepted', () => {
    const invited = { ...round, invitationCampaignId: 'c1' };
    const view = roundView(
      invited,
      [
        entry('b1', 'Area B', 'approved'),
        entry('b2', 'Area B', 'declined'),
        entry('b3', 'Area B', 'invited'),
        entry('a1', 'Area A', 'awaitingApproval'),
      ],
      () => 50,
    );
    expect(
      view.coverage.map(({ department, invited: sent, accepted, belowTarget }) => [
        department,
        sent,
        accepted,
        belowTarget,
      ]),
    ).toEqual([
      ['Area A', 1, 1, false],
      ['Area B', 3, 1, true],
      ['Area C', 0, 0, false],
    ]);
  });
});
