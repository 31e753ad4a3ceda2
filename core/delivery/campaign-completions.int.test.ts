import { createServices, type Services } from '../../server/app';
import { freshStore, TEST_CONFIG } from '../../test/store';
import type { Delivery } from './deliveries.repository';
import { emptyCounts } from './shards.repository';

describe('a campaign’s completions, read from its recipients and the respondents ledger', () => {
  let services: Services;
  let drop: () => Promise<void>;
  const id = 'c20260301t090000abcdef';

  /** `n` recipients of bucket 0 with `status`, object ids `prefix0`, `prefix1`, … */
  const rows = (prefix: string, n: number, status: Delivery['status']): Delivery[] =>
    Array.from({ length: n }, (_, i) => ({
      campaignId: id,
      bucket: 0,
      personId: `oid:${prefix}${i}`,
      locale: 'it-IT',
      status,
      attempts: 1,
      throttled: 0,
      notBefore: 0,
      inDoubt: false,
      updatedAt: new Date(),
    }));

  beforeAll(async () => {
    const fresh = await freshStore();
    drop = fresh.drop;
    services = createServices(fresh.store, TEST_CONFIG);
    const { deliveries, shards } = services.delivery;
    const recipients = [...rows('sent', 23, 'sent'), ...rows('missed', 4, 'unreachable')];
    await deliveries.writeShard(recipients);
    await shards.create({
      ...emptyCounts(),
      total: 27,
      sent: 23,
      unreachable: 4,
      campaignId: id,
      bucket: 0,
      done: true,
      leaseUntil: 0,
      updatedAt: new Date(),
    });
    // 12 of the reached completed; so did the unreachable ones (counted nowhere here).
    const subject = services.assessment.campaignId;
    for (const objectId of [
      ...Array.from({ length: 12 }, (_, i) => `sent${i}`),
      ...Array.from({ length: 4 }, (_, i) => `missed${i}`),
    ]) {
      await services.respondents.record(
        services.pseudonyms.pseudonymOf(objectId),
        subject,
        new Date(),
      );
    }
  });
  afterAll(() => drop());

  it('says at least how many of the people reached completed, in steps of k', async () => {
    const campaign = { id, kind: 'assessment', subject: services.assessment.campaignId } as const;
    expect(await services.completions.of(campaign)).toEqual({ reached: 23, atLeast: 10, k: 5 });
  });
});
