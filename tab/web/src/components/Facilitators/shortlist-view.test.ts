import { DIGITAL, openRound, WELFARE } from '../../../test/facilitator-fixtures';
import {
  departmentsOf,
  nextSort,
  shownCandidates,
  targetProblem,
  thresholdProblem,
  toInvite,
} from './shortlist-view';

const { candidates } = openRound();
const names = (rows: { displayName: string }[]) => rows.map((r) => r.displayName);

describe('the shortlist as shown', () => {
  it("keeps the server's order without a sort, and filters by department and status", () => {
    const all = { department: null, status: null, sort: null };
    expect(names(shownCandidates(candidates, all, 'it-IT'))).toEqual([
      'Anna Rossi',
      'Bruno Verdi',
      'Carla Neri',
      'Dario Gallo',
    ]);
    expect(
      names(shownCandidates(candidates, { ...all, department: WELFARE, status: 'proposed' }, 'it')),
    ).toEqual(['Carla Neri']);
  });

  it('sorts scores from the highest first, departments from A, and turns round on a second click', () => {
    const byMotivation = nextSort(null, 'motivation');
    expect(byMotivation).toEqual({ key: 'motivation', direction: 'descending' });
    const query = { department: null, status: null, sort: byMotivation };
    expect(names(shownCandidates(candidates, query, 'it-IT'))).toEqual([
      'Bruno Verdi',
      'Anna Rossi',
      'Dario Gallo',
      'Carla Neri',
    ]);
    const ascending = nextSort(byMotivation, 'motivation');
    expect(ascending.direction).toBe('ascending');
    const byDepartment = nextSort(ascending, 'department');
    expect(byDepartment).toEqual({ key: 'department', direction: 'ascending' });
    const sorted = shownCandidates(
      candidates,
      { ...query, sort: nextSort(byDepartment, 'department') },
      'it-IT',
    );
    // Stable: within a department the server's order stays.
    expect(names(sorted)).toEqual(['Carla Neri', 'Dario Gallo', 'Anna Rossi', 'Bruno Verdi']);
  });

  it('lists the departments for the filter and counts who would be invited', () => {
    expect(departmentsOf(candidates, 'it-IT')).toEqual([DIGITAL, WELFARE]);
    expect(toInvite(candidates)).toBe(3);
  });
});

describe('what an admin types', () => {
  it('takes thresholds as whole numbers from 0 to 100', () => {
    expect(['70', '0', '100'].map(thresholdProblem)).toEqual([null, null, null]);
    expect(['', ' '].map(thresholdProblem)).toEqual(['required', 'required']);
    expect(['101', '-1', '70.5', 'abc'].map(thresholdProblem)).toEqual([
      'range',
      'range',
      'range',
      'range',
    ]);
  });

  it('takes targets as whole numbers from 0 up', () => {
    expect(['0', '12'].map(targetProblem)).toEqual([null, null]);
    expect(['', '-1', '1.5'].map(targetProblem)).toEqual(['required', 'range', 'range']);
  });
});
