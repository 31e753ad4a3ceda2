import { ConcurrencyError } from '../store/errors';
import { freshStore } from '../../test/store';
import { DeliveriesRepository, type Delivery } from './deliveries.repository';

let repository: DeliveriesRepository;
let drop: () => Promise<void>;

beforeAll(async () => {
  const fresh = await freshStore();
  repository = new DeliveriesRepository(fresh.store);
  drop = fresh.drop;
});

afterAll(() => drop());

function row(i: number): Delivery {
  return {
    campaignId: 'c20261126t120000abcdef',
    bucket: 3,
    personId: `oid:${String(i).padStart(4, '0')}`,
    locale: 'it-IT',
    status: 'pending',
    attempts: 0,
    throttled: 0,
    notBefore: 0,
    inDoubt: false,
    updatedAt: new Date(),
  };
}

describe('deliveries repository', () => {
  it('records 25 outcomes in small transactions, in order, and stops at the first changed row', async () => {
    await repository.writeShard(Array.from({ length: 25 }, (_, i) => row(i)));
    const read = await repository.shard('c20261126t120000abcdef', 3);
    expect(read).toHaveLength(25);

    const sent = read.map((r) => ({
      value: { ...r.value, status: 'sent' as const },
      etag: r.etag,
    }));
    const etags = await repository.updateAll(sent);
    expect(etags).toHaveLength(25);

    // Row 14 is stale (read before the write above): its transaction and the later ones fail,
    // the earlier ones stand.
    const retried = sent.map((r, i) => ({
      value: { ...r.value, attempts: 1 },
      etag: i === 14 ? read[i]!.etag : etags[i]!,
    }));
    await expect(repository.updateAll(retried)).rejects.toBeInstanceOf(ConcurrencyError);
    const after = new Map(
      (await repository.shard('c20261126t120000abcdef', 3)).map((r) => [r.value.personId, r.value]),
    );
    const attempts = read.map((r) => after.get(r.value.personId)!.attempts);
    const written = attempts.indexOf(0);
    expect(written).toBeGreaterThan(0);
    expect(written).toBeLessThanOrEqual(14);
    expect(attempts).toEqual([...Array(written).fill(1), ...Array(25 - written).fill(0)]);
    expect([...after.values()].every((r) => r.status === 'sent')).toBe(true);
  });

  it('merges an outcome: the target and language stay, a cleared error is gone', async () => {
    const target = { serviceUrl: 'https://smba.example.test/emea/', conversationId: 'a:1x' };
    const failed = {
      ...row(0),
      bucket: 4,
      target,
      attempts: 1,
      lastError: 'HTTP 502',
      mark: 'm1',
    };
    await repository.writeShard(
      ['oid:0000', 'oid:0001', 'oid:0002'].map((personId) => ({ ...failed, personId })),
    );
    const read = await repository.shard(failed.campaignId, 4);
    expect(read.map((r) => r.value.lastError)).toEqual(['HTTP 502', 'HTTP 502', 'HTTP 502']);

    // Both the one-row write and the transaction merge.
    for (const rows of [read.slice(0, 1), read.slice(1)]) {
      await repository.updateAll(
        rows.map(({ value, etag }) => ({
          value: { ...value, status: 'sent', mark: 'm2', sentAt: new Date(), lastError: undefined },
          etag,
        })),
      );
    }
    const after = await repository.shard(failed.campaignId, 4);
    expect(after).toHaveLength(3);
    for (const { value } of after) {
      expect(value).toMatchObject({ status: 'sent', mark: 'm2', attempts: 1, target });
      expect(value.locale).toBe('it-IT');
      expect(value.sentAt).toBeInstanceOf(Date);
      expect(value).not.toHaveProperty('lastError');
    }
  });
});
