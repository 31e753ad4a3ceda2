import { weekOf } from './weeks';

describe('weekOf', () => {
  it('numbers weeks as ISO 8601 does, across a year end', () => {
    expect(weekOf(new Date('2026-12-05T10:00:00Z'))).toEqual({
      week: '2026-W49',
      startsOn: '2026-11-30',
    });
    expect(weekOf(new Date('2027-01-01T10:00:00Z'))).toEqual({
      week: '2026-W53',
      startsOn: '2026-12-28',
    });
    expect(weekOf(new Date('2025-12-29T10:00:00Z'))).toEqual({
      week: '2026-W01',
      startsOn: '2025-12-29',
    });
  });

  it('starts the week at midnight in Rome, not in UTC', () => {
    // Sunday 23:30 UTC is already Monday in Rome.
    expect(weekOf(new Date('2026-12-06T23:30:00Z')).week).toBe('2026-W50');
    expect(weekOf(new Date('2026-12-06T22:30:00Z')).week).toBe('2026-W49');
  });
});
