import { translator } from '../i18n/translator';
import { AbuseLimits, TooManyRequestsError } from './abuse-limits';

const LIMITS = {
  answersPerMinute: 3,
  erasuresPerHour: 1,
  campaignStartsPerMinute: 2,
  ideaPostsPerHour: 1,
  ideaVotesPerMinute: 1,
  workspacePostsPerHour: 60,
  workspaceMarksPerMinute: 60,
};

function refusal(act: () => void): TooManyRequestsError {
  try {
    act();
  } catch (error) {
    if (error instanceof TooManyRequestsError) return error;
    throw error;
  }
  throw new Error('admitted');
}

describe('abuse limits', () => {
  it('admits a person up to the limit, then says how long to wait, per person and per write', () => {
    let now = 1_000_000;
    const limits = new AbuseLimits(LIMITS, () => now);
    for (let i = 0; i < 3; i++) limits.admit('answer', 'A');
    now += 20_000;
    const error = refusal(() => limits.admit('answer', 'a'));
    expect(error).toMatchObject({ status: 429, code: 'tooManyRequests', retryAfterSeconds: 40 });
    // Someone else, and another kind of write, have their own counts.
    expect(() => limits.admit('answer', 'B')).not.toThrow();
    expect(() => limits.admit('erasure', 'A')).not.toThrow();
    now += 40_000;
    expect(() => limits.admit('answer', 'A')).not.toThrow();
  });

  it('words the wait in seconds or minutes, in Italian and English', () => {
    const limits = new AbuseLimits(LIMITS, () => 0);
    limits.admit('erasure', 'A');
    const hour = refusal(() => limits.admit('erasure', 'A'));
    expect(hour.describe(translator('it-IT'))).toContain('riprova tra 60 minuti');
    expect(hour.describe(translator('en-US'))).toContain('try again in 60 minutes');
    expect(new TooManyRequestsError('answer', 1).describe(translator('it-IT'))).toContain(
      'riprova tra 1 secondo',
    );
  });
});
