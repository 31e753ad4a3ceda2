import { ContestInputSchema } from './contest';

describe('a new contest', () => {
  it('needs only a title: entries open now for 14 days, then 7 days of voting, 3 entries each', () => {
    const before = Date.now();
    const input = ContestInputSchema.parse({ title: 'Il logo di óiBO' });
    const at = (iso: string) => Date.parse(iso);
    expect(at(input.entriesOpenAt)).toBeGreaterThanOrEqual(before);
    expect(at(input.entriesCloseAt) - at(input.entriesOpenAt)).toBe(14 * 86_400_000);
    expect(input.votingOpenAt).toBe(input.entriesCloseAt);
    expect(at(input.votingCloseAt) - at(input.votingOpenAt)).toBe(7 * 86_400_000);
    expect(input).toMatchObject({ description: 'Il logo di óiBO', maxEntriesPerPerson: 3 });
  });

  it('keeps what the admin gives and still refuses periods out of order or unknown fields', () => {
    const given = {
      title: 'Logo',
      entriesOpenAt: '2027-01-01T00:00:00Z',
      entriesCloseAt: '2027-01-10T00:00:00Z',
      votingCloseAt: '2027-01-05T00:00:00Z',
    };
    expect(ContestInputSchema.safeParse(given).success).toBe(false);
    expect(ContestInputSchema.safeParse({ title: 'Logo', colour: 'red' }).success).toBe(false);
    const kept = ContestInputSchema.parse({ ...given, votingCloseAt: '2027-01-20T00:00:00Z' });
    expect(kept).toMatchObject({ votingOpenAt: '2027-01-10T00:00:00Z', rules: 'Logo' });
  });
});
