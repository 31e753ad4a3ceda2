import { DeliveryStatsReporter } from './delivery-stats';

describe('the delivery stats reporter', () => {
  const logged: { details: object; message: string }[] = [];
  const log = { info: (details: object, message: string) => logged.push({ details, message }) };
  const budget = { stats: { claims: 4, conflicts: 1 } };
  let reporter: DeliveryStatsReporter;

  beforeEach(() => {
    jest.useFakeTimers();
    logged.length = 0;
    reporter = new DeliveryStatsReporter(log, budget);
  });

  afterEach(() => {
    reporter.stop();
    jest.useRealTimers();
  });

  it("logs the counters with the budget's claims every 10 s, only when they changed", () => {
    reporter.start();
    reporter.counters.sent = 12;
    reporter.counters.lateSlots = 2;

    jest.advanceTimersByTime(10_000);
    jest.advanceTimersByTime(10_000);

    expect(logged).toHaveLength(1);
    expect(logged[0]).toEqual({
      message: 'delivery stats',
      details: {
        sent: 12,
        lateSlots: 2,
        throttled: 0,
        retried: 0,
        blocked: 0,
        leasesLost: 0,
        claims: 4,
        claimConflicts: 1,
        loopDelayP99Ms: expect.any(Number),
        loopDelayMaxMs: expect.any(Number),
        rssMb: expect.any(Number),
        heapUsedMb: expect.any(Number),
      },
    });

    reporter.counters.sent++;
    jest.advanceTimersByTime(10_000);
    expect(logged).toHaveLength(2);
    expect(logged[1]!.details).toMatchObject({ sent: 13 });
  });

  it('stops logging once stopped', () => {
    reporter.start();
    reporter.counters.sent = 1;
    reporter.stop();

    jest.advanceTimersByTime(30_000);

    expect(logged).toEqual([]);
  });
});
