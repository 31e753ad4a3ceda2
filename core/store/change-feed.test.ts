import { ChangeFeed, OVERLAP_MS, REFRESH_MS, type StampedRow } from './change-feed';

interface Row extends StampedRow {
  id: string;
}

/** A feed whose store reads the test answers by hand, recording what each read asked for. */
function feed(start: number) {
  let clock = start;
  const asked: (Date | undefined)[] = [];
  const answers: ((rows: Row[]) => void)[] = [];
  const failures: ((error: Error) => void)[] = [];
  const applied: string[] = [];
  const changes = new ChangeFeed<Row>({
    read: (since) => {
      asked.push(since);
      return new Promise((resolve, reject) => {
        answers.push(resolve);
        failures.push(reject);
      });
    },
    apply: (row) => applied.push(row.id),
    now: () => clock,
  });
  const tick = (ms: number) => (clock += ms);
  const settle = () => new Promise((resolve) => setImmediate(resolve));
  return { changes, asked, answers, failures, applied, tick, settle };
}

const at = (ms: number) => new Date(ms).toISOString();

describe('a change feed', () => {
  it('waits for the first load only, then refreshes behind the requests at most once a second', async () => {
    const { changes, asked, answers, applied, tick, settle } = feed(1_000_000);
    const first = changes.fresh();
    expect(asked).toEqual([undefined]);
    answers[0]!([{ id: 'a', stamp: at(999_000) }]);
    await first;
    expect(applied).toEqual(['a']);

    await changes.fresh();
    expect(asked).toHaveLength(1);
    tick(REFRESH_MS);
    await changes.fresh(); // answered from memory: the store has not answered yet
    await changes.fresh();
    expect(asked).toHaveLength(2);
    answers[1]!([{ id: 'b', stamp: at(1_000_500) }]);
    await settle();
    expect(applied).toEqual(['a', 'b']);
  });

  it('asks a quiet partition only for what changed since its previous read, however old the newest row', async () => {
    const { changes, asked, answers, tick, settle } = feed(5_000_000);
    const first = changes.fresh();
    // The newest row is an hour old: re-reading from it would return it (and its neighbours) forever.
    answers[0]!([{ id: 'old', stamp: at(5_000_000 - 3_600_000) }]);
    await first;
    tick(REFRESH_MS);
    await changes.fresh();
    expect(asked[1]).toEqual(new Date(5_000_000 - OVERLAP_MS));
    answers[1]!([]);
    await settle();
    tick(REFRESH_MS);
    await changes.fresh();
    expect(asked[2]).toEqual(new Date(5_000_000 + REFRESH_MS - OVERLAP_MS));
  });

  it('follows the store when its stamps run ahead of this clock', async () => {
    const { changes, asked, answers, tick, settle } = feed(7_000_000);
    const first = changes.fresh();
    answers[0]!([{ id: 'ahead', stamp: at(7_002_000) }]);
    await first;
    tick(REFRESH_MS);
    await changes.fresh();
    expect(asked[1]).toEqual(new Date(7_002_000 - OVERLAP_MS));
    answers[1]!([]);
    await settle();
  });

  it('tries a failed refresh again at the next request, from where the last good read left off', async () => {
    const { changes, asked, answers, failures, tick, settle } = feed(9_000_000);
    const first = changes.fresh();
    answers[0]!([]);
    await first;
    tick(REFRESH_MS);
    await changes.fresh();
    failures[1]!(new Error('store down'));
    await settle();
    await changes.fresh(); // no wait for the next second after a failure
    expect(asked).toHaveLength(3);
    expect(asked[2]).toEqual(new Date(9_000_000 - OVERLAP_MS));
    answers[2]!([]);
    await settle();
  });

  it('fails the first load to its caller, and the next request tries again', async () => {
    const { changes, asked, answers, failures } = feed(11_000_000);
    const first = changes.fresh();
    failures[0]!(new Error('store down'));
    await expect(first).rejects.toThrow('store down');
    const second = changes.fresh();
    expect(asked).toEqual([undefined, undefined]);
    answers[1]!([]);
    await second;
  });
});
