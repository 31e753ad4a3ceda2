import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { benchFanout, fanoutProblems, printFanout } from './fanout';

/**
 * `npm run bench:fanout -- --recipients 4000 --instances 2 [--rate 50] [--crash]`.
 * At 100,000 recipients raise the rate (`--rate 100`: about 20 min on two cores).
 * `--json <file>` also writes the whole result there, deliveries per second included.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      recipients: { type: 'string', default: '4000' },
      instances: { type: 'string', default: '2' },
      rate: { type: 'string', default: '50' },
      crash: { type: 'boolean', default: false },
      json: { type: 'string' },
    },
  });
  const result = await benchFanout({
    recipients: Number(values.recipients),
    instances: Number(values.instances),
    rate: Number(values.rate),
    crash: values.crash,
  });
  printFanout(result);
  if (values.json) writeFileSync(values.json, JSON.stringify(result));
  const problems = fanoutProblems(result);
  for (const problem of problems) console.log(`! ${problem}`);
  if (problems.length > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
