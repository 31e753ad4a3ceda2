import type { Campaign } from '../core/delivery/campaign';
import type { CampaignStatus, UnreachablePerson } from '../core/delivery/campaign.service';
import {
  formatStatus,
  parseAudience,
  parseDuration,
  runCampaignCommand,
  type CampaignCommands,
} from './admin-campaigns';

const INVITATION = { kind: 'assessment', subject: 'digital-mindset-v1' };

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

describe('campaign unreachable', () => {
  const unused = () => Promise.reject(new Error('not used'));
  const campaigns = (
    people: UnreachablePerson[],
    started: Partial<CampaignCommands> = {},
  ): CampaignCommands => ({
    preview: unused,
    start: unused,
    list: unused,
    status: unused,
    pause: unused,
    resume: unused,
    cancel: unused,
    remind: unused,
    unreachable: () => Promise.resolve(people),
    ...started,
  });

  it('lists name, UPN and department for IT, tab-separated, not bare ids', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const people = [
      {
        personId: 'oid:6f1d2c3b-0000-4000-8000-000000000001',
        displayName: 'Anna Bianchi',
        upn: 'anna.bianchi@comune.example',
        department: 'Area Welfare',
      },
      { personId: 'upn:left@comune.example' },
    ];

    const code = await runCampaignCommand(
      ['unreachable', 'c20261126t120000abcdef'],
      campaigns(people),
      { out: (line) => out.push(line), err: (line) => err.push(line) },
      INVITATION,
    );

    expect(code).toBe(0);
    expect(out).toEqual([
      'name\tupn\tdepartment\tid',
      'Anna Bianchi\tanna.bianchi@comune.example\tArea Welfare\toid:6f1d2c3b-0000-4000-8000-000000000001',
      '\t\t\tupn:left@comune.example',
    ]);
    expect(err).toEqual(['2 people without a chat with the bot.']);
  });

  it('says on start how many will get it, how many are skipped and unreachable', async () => {
    const out: string[] = [];
    const fake = campaigns([], {
      preview: () =>
        Promise.resolve({ audience: 40, reachable: 30, alreadyCompleted: 8, unreachable: 2 }),
      start: () => Promise.resolve({ id: 'c20261126t120000abcdef' } as Campaign),
    });

    const code = await runCampaignCommand(
      ['start', 'assessment', '--audience', 'all'],
      fake,
      { out: (line) => out.push(line), err: () => undefined },
      INVITATION,
    );

    expect(code).toBe(0);
    expect(out[0]).toMatch(/^Started campaign c20261126t120000abcdef\./);
    expect(out[1]).toBe('30 will get it, 8 skipped (already completed), 2 unreachable.');
  });
});
