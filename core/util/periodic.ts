/**
 * Runs `work` every `everyMs` (after each round ends, so rounds never overlap) until stopped; a
 * failed round is reported and the next one runs as usual. The house's one background-job loop.
 */
export class Periodic {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopping = false;

  constructor(private readonly work: () => Promise<unknown>) {}

  start(everyMs: number, onError: (error: unknown) => void): void {
    this.stopping = false;
    const round = async (): Promise<void> => {
      try {
        await this.work();
      } catch (error) {
        onError(error);
      }
      if (!this.stopping) schedule();
    };
    const schedule = (): void => {
      this.timer = setTimeout(() => {
        this.running = round();
      }, everyMs);
    };
    schedule();
  }

  /** Stops scheduling and lets a running round finish. */
  async stop(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.timer);
    await this.running;
  }
}
