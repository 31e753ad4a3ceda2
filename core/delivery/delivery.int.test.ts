import {
  start,
  type ConnectorSim,
  type ConnectorSimOptions,
} from '../../bench/connector-sim/connector-sim';
import { seedAudience, type SeededAudience } from '../../bench/fanout/seed';
import { ConnectorSender } from '../../bot/delivery/connector-sender';
import { invitationTo } from '../assessment/assessment-messages';
import { createDeliveryEngine, createServices, type Services } from '../../server/app';
import { freshStore, TEST_CONFIG } from '../../test/store';
import { BUCKETS, type Campaign } from './campaign';
import { CampaignError } from './campaign.service';
import type { DeliveryEngine, DeliveryEngineOptions, ProactiveSender } from './delivery-engine';
import type { DeliveryTarget } from './deliveries.repository';
import type { SendOutcome } from './send-outcome';

// Correctness, not speed: generous limits so a loaded CI machine cannot make these flaky.
jest.setTimeout(150_000);

const silent = { info: () => {}, warn: () => {}, error: () => {} };
const logger = { child: () => silent } as unknown as Parameters<typeof createDeliveryEngine>[2];

/** Counts what one engine sent, and can hold its requests back (a frozen instance). */
class CountingSender implements ProactiveSender {
  sent = 0;
  private readonly inner = new ConnectorSender(async () => undefined, 2_000);
  private frozen: Promise<void> | undefined;
  private thaw: (() => void) | undefined;

  async send(target: DeliveryTarget, activity: Record<string, unknown>): Promise<SendOutcome> {
    const outcome = await this.inner.send(target, activity);
    this.sent++;
    // The request reached Teams, but the instance never learns it: as if killed right now.
    if (this.frozen) await this.frozen;
    return outcome;
  }

  freeze(): void {
    this.frozen = new Promise((resolve) => (this.thaw = resolve));
  }

  release(): void {
    this.thaw?.();
  }
}

interface Setup {
  services: Services;
  sim: ConnectorSim;
  audience: SeededAudience;
  drop: () => Promise<void>;
}

async function setup(
  people: number,
  sim: ConnectorSimOptions,
  ratePerSecond: number,
  reachableShare = 0.9,
): Promise<Setup> {
  const { store, drop } = await freshStore();
  const services = createServices(store, {
    ...TEST_CONFIG,
    delivery: { ratePerSecond, maxAttempts: 4 },
  });
  const simulator = await start(sim);
  const audience = await seedAudience(services, {
    people,
    reachableShare,
    departments: 4,
    serviceUrl: simulator.url,
  });
  return {
    services,
    sim: simulator,
    audience,
    drop: async () => {
      await simulator.stop();
      await drop();
    },
  };
}

const FAST: Partial<DeliveryEngineOptions> = {
  leaseMs: 1_500,
  inFlightMs: 14_000,
  pollMs: 100,
  backoff: { baseMs: 50, maxMs: 400 },
};

function engine(
  services: Services,
  sender: ProactiveSender,
  options: Partial<DeliveryEngineOptions> = {},
): DeliveryEngine {
  return createDeliveryEngine(services, { mode: 'local' }, logger, {
    sender,
    options: { ...FAST, ...options },
  });
}

async function until(
  services: Services,
  id: string,
  done: (c: Campaign) => boolean,
  timeoutMs = 120_000,
) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const status = await services.campaigns.status(id);
    if (done(status.campaign)) return status;
    if (Date.now() > deadline) throw new Error(`timed out: ${JSON.stringify(status.counts)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const completed = (c: Campaign) => c.state === 'completed';
/** The assessment invitation to the services' current round. */
const invite = (setup: { services: Services }) =>
  invitationTo(setup.services.assessment.campaignId);

describe('proactive delivery (Azurite + connector simulator)', () => {
  let s: Setup;
  const engines: DeliveryEngine[] = [];

  afterEach(async () => {
    await Promise.all(engines.splice(0).map((e) => e.stop()));
    await s.drop();
  });

  /** One running engine (an app instance) per sender. */
  const startEngines = (...senders: ProactiveSender[]): void => startEnginesWith({}, ...senders);
  const startEnginesWith = (
    options: Partial<DeliveryEngineOptions>,
    ...senders: ProactiveSender[]
  ): void => {
    for (const sender of senders) {
      const started = engine(s.services, sender, options);
      engines.push(started);
      started.start();
    }
  };
  const inviteEveryone = () =>
    s.services.campaigns.start({ ...invite(s), audience: { kind: 'all' }, createdBy: 'test' });

  /**
   * 240 recipients; one instance (2 slots) sends 40 of them, then freezes with requests out and
   * a second instance starts.
   */
  const frozenMidSend = async () => {
    s = await setup(240, { tenantRatePerSecond: 0 }, 120, 1);
    const frozen = new CountingSender();
    const first = engine(s.services, frozen, { slots: 2 });
    engines.push(first);
    first.start();
    const campaign = await inviteEveryone();
    await until(s.services, campaign.id, (c) => c.expandedBuckets === BUCKETS);
    while (frozen.sent < 40) await new Promise((resolve) => setTimeout(resolve, 20));
    frozen.freeze();
    startEngines(new CountingSender());
    return { frozen, campaign };
  };

  it('two instances share one campaign: everyone reachable gets it once, the rest are unreachable', async () => {
    s = await setup(300, { tenantRatePerSecond: 200 }, 150);
    const [a, b] = [new CountingSender(), new CountingSender()];
    // One shard at a time each: with shards of ~9 people, the instance that expands the audience
    // (claiming each bucket as it writes it) could send them all before the other one looks.
    startEnginesWith({ slots: 1 }, a, b);
    const campaign = await inviteEveryone();

    const status = await until(s.services, campaign.id, completed);

    const reachable = s.audience.reachable.size;
    expect(status.counts).toMatchObject({
      total: 300,
      sent: reachable,
      unreachable: 300 - reachable,
      pending: 0,
      failed: 0,
      blocked: 0,
      inDoubt: 0,
    });
    expect(s.sim.stats()).toMatchObject({ accepted: reachable, duplicates: 0, throttled: 0 });
    expect(a.sent + b.sent).toBe(reachable);
    expect(Math.min(a.sent, b.sent)).toBeGreaterThan(0);
    const unreachable = await s.services.campaigns.unreachable(campaign.id);
    expect(unreachable).toHaveLength(300 - reachable);
    expect(unreachable.every((p) => !s.audience.reachable.has(p.personId.slice(4)))).toBe(true);
    const unreached = s.audience.people.find(
      (p) => `oid:${p.objectId}` === unreachable[0]!.personId,
    );
    expect(unreachable[0]).toEqual({
      personId: `oid:${unreached!.objectId}`,
      displayName: unreached!.displayName,
      ...(unreached!.upn ? { upn: unreached!.upn } : {}),
      department: unreached!.orgUnitPath[0],
    });
  });

  it('absorbs a 429 storm: the whole tenant pauses for Retry-After and nothing is lost', async () => {
    // After 20 requests the tenant refuses everything for 4 s. Instances that each backed off only
    // the refused request were refused 26 times (measured with the shared pause switched off); an
    // engine whose tenant budget pauses everybody is refused only for requests already on their way.
    const storm = { afterRequests: 20, seconds: 4 };
    s = await setup(60, { tenantRatePerSecond: 0, faults: { storm } }, 100, 1);
    startEngines(new CountingSender(), new CountingSender());
    const campaign = await inviteEveryone();

    const status = await until(s.services, campaign.id, completed);

    expect(status.counts).toMatchObject({ sent: 60, failed: 0, pending: 0 });
    const stats = s.sim.stats();
    expect(stats).toMatchObject({ accepted: 60, duplicates: 0 });
    expect(stats.throttledTenant).toBeGreaterThan(0);
    expect(stats.throttledTenant).toBeLessThanOrEqual(10);
  });

  it('marks blocked users (403 MessageWritesBlocked, 404) and never retries them', async () => {
    const faults = { seed: 7, blockedShare: 0.15, notFoundShare: 0.05 };
    s = await setup(200, { tenantRatePerSecond: 0, faults }, 200, 1);
    startEngines(new CountingSender());
    const campaign = await inviteEveryone();

    const status = await until(s.services, campaign.id, completed);

    const stats = s.sim.stats();
    expect(stats.blocked + stats.notFound).toBeGreaterThan(10);
    expect(status.counts).toMatchObject({
      blocked: stats.blocked + stats.notFound,
      sent: 200 - stats.blocked - stats.notFound,
      failed: 0,
    });
    // One request each: blocked recipients are not retried.
    expect(stats.requests).toBe(200);
  });

  it('retries 5xx with backoff until sent, within the attempt limit', async () => {
    s = await setup(
      100,
      { tenantRatePerSecond: 0, faults: { seed: 3, serverErrorShare: 0.3 } },
      200,
      1,
    );
    startEngines(new CountingSender());
    const campaign = await inviteEveryone();

    const status = await until(s.services, campaign.id, completed);

    const stats = s.sim.stats();
    expect(stats.faults).toBeGreaterThan(10);
    // 4 attempts at a 30 % fault rate: nearly everyone gets through; the rest are failed, not lost.
    expect(status.counts.sent + status.counts.failed).toBe(100);
    expect(status.counts.sent).toBe(stats.accepted);
    expect(stats.duplicates).toBe(0);
  });

  it('after an instance dies mid-send, another resumes: nothing lost, duplicates only in flight', async () => {
    const { frozen: doomed, campaign } = await frozenMidSend();

    const status = await until(s.services, campaign.id, completed);
    doomed.release();

    const stats = s.sim.stats();
    const delivered = new Set([...s.sim.deliveries()].map((d) => d.recipient));
    expect(delivered.size).toBe(240);
    expect(status.counts).toMatchObject({ sent: 240, pending: 0 });
    expect(stats.duplicates).toBeLessThanOrEqual(status.counts.inDoubt);
    expect(status.counts.inDoubt).toBeGreaterThan(0);
    // In flight at most: this instance's slots × chunk.
    expect(status.counts.inDoubt).toBeLessThanOrEqual(2 * 24);
  });

  it('an instance that outlives its lease while sending records its outcome, and nothing is sent twice', async () => {
    const { frozen: slow, campaign } = await frozenMidSend();
    // Its leases (1.5 s) run out and the other instance takes its shards over…
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    // …then it learns its outcomes and records them, before anyone may send those rows again.
    slow.release();

    const status = await until(s.services, campaign.id, completed);

    const delivered = new Set([...s.sim.deliveries()].map((d) => d.recipient));
    expect(delivered.size).toBe(240);
    expect(s.sim.stats().duplicates).toBe(0);
    expect(status.counts).toMatchObject({ sent: 240, pending: 0, inDoubt: 0 });
  });

  it('cancel stops sending within a second; pause holds and resume finishes', async () => {
    s = await setup(200, { tenantRatePerSecond: 0 }, 40, 1);
    startEngines(new CountingSender());
    const paused = await inviteEveryone();
    await until(s.services, paused.id, (c) => c.state === 'running');
    await s.services.campaigns.pause(paused.id);
    const pausedAt = Date.now();
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const lateWhilePaused = [...s.sim.deliveries()].filter((d) => d.at > pausedAt + 1_000);
    expect(lateWhilePaused).toEqual([]);
    expect((await s.services.campaigns.status(paused.id)).counts.pending).toBeGreaterThan(0);

    await s.services.campaigns.resume(paused.id);
    await new Promise((resolve) => setTimeout(resolve, 500));
    await s.services.campaigns.cancel(paused.id);
    const cancelledAt = Date.now();
    await new Promise((resolve) => setTimeout(resolve, 1_500));

    const after = [...s.sim.deliveries()].filter((d) => d.at > cancelledAt + 1_000);
    expect(after).toEqual([]);
    const status = await s.services.campaigns.status(paused.id);
    expect(status.campaign.state).toBe('cancelled');
    expect(status.counts.pending).toBeGreaterThan(0);
    expect(status.counts.sent).toBe(s.sim.stats().accepted);
    await expect(s.services.campaigns.resume(paused.id)).rejects.toMatchObject({
      problem: { code: 'notAllowed', state: 'cancelled' },
    });
  });

  it('refuses an empty or invalid audience with a clear reason and writes nothing', async () => {
    s = await setup(20, { tenantRatePerSecond: 0 }, 50);
    const refused = (audience: unknown) =>
      s.services.campaigns.start({ ...invite(s), audience, createdBy: 't' }).then(
        () => undefined,
        (error: unknown) => (error instanceof CampaignError ? error.problem : 'zod'),
      );

    expect(await refused({ kind: 'departments', departments: ['Area 01', 'Area 99'] })).toEqual({
      code: 'unknownDepartments',
      departments: ['Area 99'],
    });
    expect(await refused({ kind: 'role', role: 'facilitator' })).toEqual({ code: 'emptyAudience' });
    expect(await refused({ kind: 'everyone' })).toBe('zod');
    expect(await refused({ kind: 'departments', departments: [] })).toBe('zod');
    expect(await s.services.campaigns.list()).toEqual([]);
  });

  it('reminds only who received the invitation and has not completed', async () => {
    s = await setup(60, { tenantRatePerSecond: 0 }, 200, 1);
    startEngines(new CountingSender());
    const invitation = await s.services.campaigns.start({
      ...invite(s),
      audience: { kind: 'departments', departments: ['Area 01'] },
      createdBy: 't',
    });
    const invited = await until(s.services, invitation.id, completed);
    expect(invited.counts.sent).toBe(15);
    const area01 = s.audience.people.filter((p) => p.orgUnitPath[0] === 'Area 01');
    const { pseudonyms, respondents, assessment } = s.services;
    for (const person of area01.slice(0, 5)) {
      await respondents.record(
        pseudonyms.pseudonymOf(person.objectId!),
        assessment.campaignId,
        new Date(),
      );
    }

    const reminder = await s.services.campaigns.remind(invitation.id, 0, 't');
    const reminded = await until(s.services, reminder.id, completed);

    expect(reminded.counts).toMatchObject({ total: 10, sent: 10 });
    const remindedIds = [...s.sim.deliveries()].slice(15).map((d) => d.recipient);
    expect(new Set(remindedIds)).toEqual(new Set(area01.slice(5).map((p) => `29:${p.objectId!}`)));
  });

  it('does not invite again who completed the assessment, and counts them as already completed', async () => {
    s = await setup(60, { tenantRatePerSecond: 0 }, 200, 1);
    startEngines(new CountingSender());
    const first = await inviteEveryone();
    await until(s.services, first.id, completed);
    const area01 = s.audience.people.filter((p) => p.orgUnitPath[0] === 'Area 01');
    const { pseudonyms, respondents, assessment } = s.services;
    for (const person of area01.slice(0, 4)) {
      await respondents.record(
        pseudonyms.pseudonymOf(person.objectId!),
        assessment.campaignId,
        new Date(),
      );
    }

    const second = await s.services.campaigns.start({
      ...invite(s),
      audience: { kind: 'departments', departments: ['Area 01'] },
      createdBy: 't',
    });
    const status = await until(s.services, second.id, completed);

    expect(status.counts).toMatchObject({ total: 15, sent: 11, alreadyCompleted: 4, pending: 0 });
    expect(status.progress).toBe(1);
    const secondIds = [...s.sim.deliveries()].slice(60).map((d) => d.recipient);
    expect(new Set(secondIds)).toEqual(new Set(area01.slice(4).map((p) => `29:${p.objectId!}`)));
  });
});
