import { SYSTEM_ACTOR } from '../core/audit/audit-log';
import type { AssessmentResponse } from '../core/assessment/assessment-response';
import type { TableStore } from '../core/store/table-store';
import { deliveredTo, endedCampaign } from '../test/personal-data';
import { freshStore, TEST_CONFIG } from '../test/store';
import { runAdmin } from './admin';
import { createServices, type Services } from './app';

const NOW = new Date('2029-01-01T03:00:00Z');
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000);
const UNIT = ['Area Servizi', 'Settore Tributi'];

function response(pseudonym: string, updatedAt: Date): AssessmentResponse {
  return {
    pseudonym,
    campaignId: 'digital-mindset-v1',
    questionnaireId: 'digital-mindset',
    version: 1,
    orgUnitPath: UNIT,
    answers: { q1: 3 },
    choices: {},
    status: 'inProgress',
    startedAt: updatedAt,
    updatedAt,
  };
}

/** One row just past its period and one just within it, for every kind of data. */
async function seed(services: Services): Promise<void> {
  await services.responses.insert(response('pOld', daysAgo(731)));
  await services.responses.insert(response('pNew', daysAgo(729)));
  await services.respondents.record('pOld', 'digital-mindset-v1', daysAgo(731));
  await services.respondents.record('pNew', 'digital-mindset-v1', daysAgo(729));
  const pending = { campaignId: 'digital-mindset-v1', orgUnitPath: UNIT } as const;
  await services.aggregates.enqueue({
    ...pending,
    pseudonym: 'pOld',
    change: 'add',
    at: daysAgo(731),
  });
  await services.aggregates.enqueue({
    ...pending,
    pseudonym: 'pNew',
    change: 'add',
    at: daysAgo(729),
  });
  // Both submitted long ago: an erased result's cap runs from its erasure.
  const result = { questionnaireId: 'digital-mindset', version: 1, dimensions: [] };
  for (const [pseudonym, queued] of [
    ['eOld', 31],
    ['eNew', 29],
  ] as const) {
    await services.aggregates.enqueue({
      ...pending,
      pseudonym,
      change: 'remove',
      at: daysAgo(400),
      queuedAt: daysAgo(queued),
      result,
    });
  }
  await endedCampaign(services, 'c20280901t090000aaaaaa', 'admin-cli', daysAgo(91));
  await endedCampaign(services, 'c20281001t090000bbbbbb', 'admin-cli', daysAgo(89));
  await deliveredTo(services, 'c20280901t090000aaaaaa', 'old-recipient', 'sent', daysAgo(95));
  await deliveredTo(services, 'c20281001t090000bbbbbb', 'new-recipient', 'sent', daysAgo(95));
  for (const [reason, days] of [
    ['old', 731],
    ['new', 729],
  ] as const) {
    await services.audit.record({
      at: daysAgo(days),
      actor: 'someone',
      action: 'test.entry',
      reason,
      counts: {},
    });
  }
}

const EXPIRED = [
  'resultsDays responses pOld|digital-mindset-v1',
  'resultsDays respondents pOld|digital-mindset-v1',
  'resultsDays aggregates digital-mindset-v1|add|pOld',
  'erasedResultsDays aggregates digital-mindset-v1|remove|eOld',
  'deliveriesDays deliveries c20280901t090000aaaaaa|oid:old-recipient',
].sort();

describe('retention', () => {
  let store: TableStore;
  let drop: () => Promise<void>;
  let services: Services;

  beforeAll(async () => {
    ({ store, drop } = await freshStore());
    services = createServices(store, { ...TEST_CONFIG, now: () => NOW });
    await seed(services);
  });
  afterAll(() => drop());

  const listed = async (s: Services) =>
    (await s.retention.dryRun())
      .filter((row) => row.table !== 'auditlog')
      .map((row) => `${row.kind} ${row.table} ${row.id}`)
      .sort();

  it('lists in a dry run exactly the rows past their period, and deletes nothing', async () => {
    expect(await listed(services)).toEqual(EXPIRED);
    const audit = (await services.retention.dryRun()).filter((row) => row.table === 'auditlog');
    expect(audit).toEqual([expect.objectContaining({ kind: 'auditDays', since: daysAgo(731) })]);
    expect(await listed(services)).toEqual(EXPIRED);
  });

  it('purges exactly those rows once, when two instances run the job at once', async () => {
    const other = createServices(store, { ...TEST_CONFIG, now: () => NOW });
    const outcomes = await Promise.all([
      services.retention.purgeIfDue(),
      other.retention.purgeIfDue(),
    ]);
    expect(outcomes.filter((counts) => counts === undefined)).toHaveLength(1);
    expect(outcomes.find((counts) => counts !== undefined)).toEqual({
      'resultsDays.responses': 1,
      'resultsDays.respondents': 1,
      'resultsDays.aggregates': 1,
      'erasedResultsDays.aggregates': 1,
      'deliveriesDays.deliveries': 1,
      'auditDays.auditlog': 1,
    });
    expect(await services.retention.dryRun()).toEqual([]);

    expect(await services.responses.get('pNew', 'digital-mindset-v1')).toBeDefined();
    expect((await services.respondents.pseudonymsOf('digital-mindset-v1')).has('pNew')).toBe(true);
    const waiting = await services.aggregates.pending('digital-mindset-v1');
    expect(waiting.map((row) => row.value.pseudonym).sort()).toEqual(['eNew', 'pNew']);
    expect(await services.delivery.deliveries.shard('c20281001t090000bbbbbb', 3)).toHaveLength(1);
    expect((await services.audit.byActor('someone')).map((entry) => entry.reason)).toEqual(['new']);
  });

  it('records one audit entry per purge, with counts and no personal data', async () => {
    const entries = await services.audit.byActor(SYSTEM_ACTOR);
    expect(entries).toEqual([
      expect.objectContaining({ action: 'retention.purge', reason: 'retention.schedule', at: NOW }),
    ]);
    expect(JSON.stringify(entries)).not.toMatch(/pOld|eOld|old-recipient/);
  });

  it('does not purge again within the day, on any instance', async () => {
    expect(await services.retention.purgeIfDue()).toBeUndefined();
    const tomorrow = createServices(store, {
      ...TEST_CONFIG,
      now: () => new Date(NOW.getTime() + 86_400_000),
    });
    expect(await tomorrow.retention.purgeIfDue()).toBeDefined();
  });
});

describe('npm run admin -- retention --dry-run', () => {
  it('lists the expired rows and deletes nothing', async () => {
    const { store, drop } = await freshStore();
    try {
      const services = createServices(store, TEST_CONFIG);
      const old = new Date('2020-01-01T00:00:00Z');
      await services.audit.record({
        at: old,
        actor: 'someone',
        action: 'test.entry',
        reason: 'old',
        counts: {},
      });
      await services.audit.record({
        at: new Date(),
        actor: 'someone',
        action: 'test.entry',
        reason: 'new',
        counts: {},
      });
      const out: string[] = [];
      const env = {
        TABLES_CONNECTION_STRING: process.env.OIBO_TEST_TABLES,
        TABLES_PREFIX: store.prefix,
        LOG_LEVEL: 'silent',
      };
      const code = await runAdmin(['retention', '--dry-run'], env, {
        out: (line) => out.push(line),
        err: (line) => out.push(line),
      });
      expect(code).toBe(0);
      expect(out).toEqual([
        expect.stringMatching(/^auditDays\tauditlog\t2020-01-01T00:00:00.000Z\ttest\.entry\|/),
        '1 rows would be deleted.',
      ]);
      expect(await services.audit.byActor('someone')).toHaveLength(2);
    } finally {
      await drop();
    }
  });
});
