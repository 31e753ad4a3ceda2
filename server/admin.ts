import { readFile } from 'node:fs/promises';
import { parseDirectoryCsv } from '../core/directory/directory-csv';
import { invitationTo } from '../core/assessment/assessment-messages';
import { TrainingImportError } from '../core/facilitators/training-errors';
import { translator } from '../core/i18n/translator';
import { CAMPAIGN_USAGE, runCampaignCommand } from './admin-campaigns';
import type { AdminIo } from './admin-io';
import { createServices, openStore, type Services } from './app';
import { ConfigError, loadConfig } from './config';

const USAGE = `Usage: npm run admin -- <command>

Commands:
  directory import <file.csv>   Import or update people from an HR export (see README, "People directory")
  aggregates rebuild            Recompute the assessment aggregates from the submitted results
  overview rebuild              Recompute the programme overview's rows from the raw rows
  retention --dry-run           List the rows the daily retention purge would delete now
  training import <file.csv>    Import training completions (person, module, date, hours), all or nothing
${CAMPAIGN_USAGE}

Campaigns are sent by the running app (npm start, or every instance in Azure); these commands
only record what to do and read progress.
`;

/** Runs one admin command; returns the process exit code. */
export async function runAdmin(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  io: AdminIo,
): Promise<number> {
  const [area, verb, ...rest] = argv;
  if (area === 'directory' && verb === 'import' && rest.length === 1) {
    return importDirectory(rest[0]!, env, io);
  }
  if (area === 'aggregates' && verb === 'rebuild' && rest.length === 0) {
    return withServices(env, async (services) => {
      const campaignId = services.assessment.campaignId;
      const { policy } = await services.assessment.lockCampaign();
      const summary = await services.publisher.rebuild(campaignId, policy);
      if (!summary) {
        io.err(`A publication of ${campaignId} is running: try again in a minute.`);
        return 75;
      }
      io.out(
        `Rebuilt ${summary.rows} aggregate rows of ${campaignId} from ${summary.responses} results` +
          (summary.queued > 0 ? `; ${summary.queued} results not counted before are queued.` : '.'),
      );
      return 0;
    });
  }
  if (area === 'overview' && verb === 'rebuild' && rest.length === 0) {
    return withServices(env, async (services) => {
      await services.overviewRefresh.rebuild();
      io.out('Rebuilt the programme overview from the labs, ideas, facilitators and aggregates.');
      return 0;
    });
  }
  if (area === 'retention' && verb === '--dry-run' && rest.length === 0) {
    return withServices(env, async (services) => {
      const rows = await services.retention.dryRun();
      for (const row of rows) {
        io.out(`${row.kind}\t${row.table}\t${row.since.toISOString()}\t${row.id}`);
      }
      io.out(`${rows.length} rows would be deleted.`);
      return 0;
    });
  }
  if (area === 'training' && verb === 'import' && rest.length === 1) {
    return importCompletions(rest[0]!, env, io);
  }
  if (area === 'campaign' && verb !== undefined) {
    return withServices(env, (services) =>
      runCampaignCommand(
        [verb, ...rest],
        services.campaigns,
        io,
        invitationTo(services.assessment.campaignId),
      ),
    );
  }
  io.err(USAGE);
  return 2;
}

async function readText(file: string, io: AdminIo): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    io.err(
      `Cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
    return undefined;
  }
}

async function importCompletions(
  file: string,
  env: NodeJS.ProcessEnv,
  io: AdminIo,
): Promise<number> {
  const text = await readText(file, io);
  if (text === undefined) return 1;
  return withServices(env, async (services) => {
    try {
      const { lines, people } = await services.training.importCompletions(text, 'admin-cli');
      io.out(`Imported ${lines} completions of ${people} facilitators.`);
      return 0;
    } catch (error) {
      if (!(error instanceof TrainingImportError)) throw error;
      const t = translator('en-US');
      io.err(`${file} is not valid; nothing was imported. ${error.problems.length} problem(s):`);
      const { errors } = error.problemDetails(t) as { errors: { line: number; message: string }[] };
      for (const { line, message } of errors) io.err(`  line ${line}: ${message}`);
      return 1;
    }
  });
}

async function importDirectory(file: string, env: NodeJS.ProcessEnv, io: AdminIo): Promise<number> {
  const text = await readText(file, io);
  if (text === undefined) return 1;
  const parsed = parseDirectoryCsv(text);
  if (!parsed.ok) {
    io.err(`${file} is not valid; nothing was imported. ${parsed.problems.length} problem(s):`);
    for (const problem of parsed.problems) io.err(`  line ${problem.line}: ${problem.message}`);
    return 1;
  }
  return withServices(env, async (services) => {
    const summary = await services.directory.importPeople(parsed.people);
    io.out(`Imported ${summary.people} people in ${summary.orgUnits} org units.`);
    return 0;
  });
}

async function withServices(
  env: NodeJS.ProcessEnv,
  work: (services: Services) => Promise<number>,
): Promise<number> {
  const config = loadConfig({ ...env, PLAYGROUND: 'false' });
  const opened = await openStore(config.store);
  try {
    return await work(createServices(opened.store, config));
  } finally {
    await opened.close();
  }
}

if (require.main === module) {
  runAdmin(process.argv.slice(2), process.env, {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
  })
    .then((code) => process.exit(code))
    .catch((error: unknown) => {
      process.stderr.write(`${error instanceof ConfigError ? error.message : String(error)}\n`);
      process.exit(1);
    });
}
