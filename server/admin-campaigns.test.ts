import type { CampaignStatus } from '../core/delivery/campaign.service';
import { formatStatus, parseAudience, parseDuration } from './admin-campaigns';

describe('campaign CLI arguments', () => {
  it('reads durations', () => {
    expect(parseDuration('3d')).toBe(3 * 86_400_000);
    expect(parseDuration('12h')).toBe(12 * 3_600_000);
    expect(parseDuration('30m')).toBe(30 * 60_000);
    expect(parseDuration('0')).toBe(0);
    expect(parseDuration('3 days')).toBeUndefined();
    expect(parseDuration('-1d')).toBeUndefined();
  });

  it('reads exactly one audience', () => {
    expect(parseAudience(['--audience', 'all'])).toEqual({ kind: 'all' });
    expect(parseAudience(['--department', 'Area Welfare', '--department', 'Area Cultura'])).toEqual(
      {
        kind: 'departments',
        departments: ['Area Welfare', 'Area Cultura'],
      },
    );
    expect(parseAudience(['--role', 'manager'])).toEqual({ kind: 'role', role: 'manager' });
    expect(parseAudience(['--role', 'mayor'])).toBe('unknown role mayor');
    expect(parseAudience([])).toMatch(/name the audience once/);
    expect(parseAudience(['--audience', 'all', '--role', 'admin'])).toMatch(
      /name the audience once/,
    );
    expect(parseAudience(['--department'])).toBe('--department needs a value');
  });
});

describe('campaign status lines', () => {
  const status = (overrides: Partial<CampaignStatus> = {}): CampaignStatus => ({
    campaign: {
      id: 'c20261126t120000abcdef',
      kind: 'assessment',
      audience: { kind: 'all' },
      subject: 'digital-mindset-v1',
      state: 'running',
      notBefore: new Date(0),
      createdAt: new Date(0),
      createdBy: 'test',
      expandedBuckets: 256,
      changedAt: new Date(0),
    },
    counts: {
      total: 4000,
      sent: 1900,
      failed: 2,
      blocked: 30,
      unreachable: 68,
      alreadyCompleted: 0,
      inDoubt: 0,
      pending: 2000,
    },
    audienceRead: 1,
    expectedTotal: 4000,
    progress: 0.5,
    etaSeconds: 40,
    sending: true,
    ...overrides,
  });

  it('shows progress, counts and ETA', () => {
    expect(formatStatus(status())).toEqual([
      'Campaign c20261126t120000abcdef · assessment invitation · running',
      `[${'#'.repeat(15)}${'.'.repeat(15)}] 50 %  2000 of 4000`,
      'sent 1900 · pending 2000 · failed 2 · blocked 30 · unreachable 68 · already completed 0',
      'ETA 40 s at the tenant rate',
    ]);
  });

  it('says when there was nobody to send to, not "100 % 0 of 0"', () => {
    const counts = { ...status().counts, total: 0, sent: 0, failed: 0, blocked: 0, unreachable: 0 };
    const lines = formatStatus(
      status({ counts: { ...counts, pending: 0 }, progress: 1, etaSeconds: undefined }),
    );
    expect(lines[1]).toBe('Nobody to send it to.');
  });

  it('says what may have been received twice, and when nobody is sending', () => {
    const lines = formatStatus(
      status({ sending: false, counts: { ...status().counts, inDoubt: 12 } }),
    );
    expect(lines).toContain(
      '12 sent again after an instance stopped mid-send: each may have been received twice',
    );
    expect(lines).toContain('No instance is sending it right now: is the app running (npm start)?');
  });
});
