import { parseArgs } from 'node:util';
import { start } from '../connector-sim/connector-sim';

/**
 * The connector simulator in a process of its own, for `bench:fanout`: like Teams, its clock and
 * event loop are not the senders'. Prints `{"url":…}` once listening; runs until killed.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { rate: { type: 'string', default: '50' } } });
  const sim = await start({ tenantRatePerSecond: Number(values.rate), control: true });
  process.stdout.write(`${JSON.stringify({ url: sim.url })}\n`);
  process.on('SIGTERM', () => void sim.stop().then(() => process.exit(0)));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
