import users from '../../content/demo/playground-users.json';
import { createServices, type Services } from '../../server/app';
import { freshStore, TEST_CONFIG } from '../../test/store';
import { generateDemoDirectory } from '../directory/demo-directory';
import type { TableStore } from '../store/table-store';
import { TRAINING_NUDGE } from './training-nudge';

const [GIULIA, , SARA] = [users[0]!, users[1]!, users[2]!];
const JUNE = new Date('2026-06-15T10:00:00Z');

describe('the monthly training nudge', () => {
  let store: TableStore;
  let drop: () => Promise<void>;
  let clock = JUNE;
  /** An instance of the app over the shared store, with its own lease owner. */
  const instance = (): Services => createServices(store, { ...TEST_CONFIG, now: () => clock });
  const nudges = async (services: Services) =>
    (await services.campaigns.list()).filter((c) => c.kind === TRAINING_NUDGE);

  beforeAll(async () => {
    ({ store, drop } = await freshStore());
    const services = instance();
    await services.directory.importPeople(generateDemoDirectory());
    for (const [person, since] of [
      [GIULIA, new Date('2026-01-20T09:00:00Z')],
      [SARA, new Date('2026-01-20T09:00:00Z')],
    ] as const) {
      await services.directory.setRole(person.objectId, 'facilitator', true);
      await services.facilitators.add({
        objectId: person.objectId,
        department: person.orgUnitPath[0]!,
        roundId: 'r-test',
        since,
      });
    }
    // Sara is on schedule (13.3 hours expected by mid-June), Giulia has done nothing.
    await services.training.markDone(SARA.objectId, {
      moduleId: 'analisi-processi',
      date: '2026-05-10',
      hours: 8,
    });
    await services.training.markDone(SARA.objectId, {
      moduleId: 'facilitazione-fondamenti',
      date: '2026-05-20',
      hours: 6,
    });
  });
  afterAll(() => drop());

  it('starts one campaign for the month across two instances, to who is behind schedule', async () => {
    const [a, b] = [instance(), instance()];
    const started = await Promise.all([a.trainingNudge.nudgeIfDue(), b.trainingNudge.nudgeIfDue()]);
    expect(started.filter(Boolean)).toHaveLength(1);
    const [campaign] = await nudges(a);
    expect(campaign).toMatchObject({ subject: '2026-06', audience: { kind: 'chosen' } });
    const { chosen } = await a.kinds.recipients(campaign!);
    expect([chosen(GIULIA.objectId), chosen(SARA.objectId)]).toEqual([true, false]);
    const preview = await a.campaigns.preview({
      kind: TRAINING_NUDGE,
      subject: '2026-06',
      audience: { kind: 'chosen' },
    });
    expect(preview.audience).toBe(1);
  });

  it('never starts a second one that month, after a restart and once the lease has lapsed', async () => {
    clock = new Date('2026-06-15T12:00:00Z');
    const restarted = instance();
    expect(await restarted.trainingNudge.nudgeIfDue()).toBeUndefined();
    clock = new Date('2026-06-29T08:00:00Z');
    expect(await instance().trainingNudge.nudgeIfDue()).toBeUndefined();
    expect(await nudges(restarted)).toHaveLength(1);
  });

  it("starts the next month's, and none when nobody is behind", async () => {
    clock = new Date('2026-07-01T06:00:00Z');
    const july = await instance().trainingNudge.nudgeIfDue();
    expect(july).toMatchObject({ subject: '2026-07' });
    const services = instance();
    await services.training.importCompletions(
      [
        'person,module,date,hours',
        `${GIULIA.objectId},analisi-processi,2026-06-20,8`,
        `${GIULIA.objectId},facilitazione-fondamenti,2026-06-21,6`,
        `${GIULIA.objectId},teams-collaborazione,2026-06-22,3`,
        `${GIULIA.objectId},gestione-cambiamento,2026-06-23,3`,
        `${SARA.objectId},teams-collaborazione,2026-06-22,3`,
        `${SARA.objectId},gestione-cambiamento,2026-06-23,3`,
      ].join('\n'),
      SARA.objectId,
    );
    // By 1 August (six whole months since 20 January) 20 hours are due: both have 20.
    clock = new Date('2026-08-01T06:00:00Z');
    expect(await services.training.behindSchedule()).toEqual(new Set());
    expect(await instance().trainingNudge.nudgeIfDue()).toBeUndefined();
    expect((await nudges(services)).map((c) => c.subject).sort()).toEqual(['2026-06', '2026-07']);
  });
});
