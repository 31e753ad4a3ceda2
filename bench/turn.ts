import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pino, { type Logger } from 'pino';
import type restify from 'restify';
import { onVerb, replaceCard } from '../bot/card-actions';
import { viewCard } from '../bot/features/assessment/assessment.cards';
import { ASSESSMENT_VERBS, cardRef } from '../bot/features/assessment/assessment.verbs';
import { NO_DATA, verb } from '../bot/verbs';
import { generateDemoDirectory } from '../core/directory/demo-directory';
import { translator } from '../core/i18n/translator';
import { TableStore } from '../core/store/table-store';
import { ALL_TABLES } from '../server/registry';
import { createBot, createBotServer, createServices, type Services } from '../server/app';
import { startAzurite } from '../server/azurite';
import { cardButtons } from '../test/card-buttons';

const PEOPLE = 50;
/** Per person, the first invokes (the start and the first answers) warm JIT, sockets, Azurite. */
const WARMUP = 6;
/** Invokes per person in a round; the runs take turns round by round, long enough for a steady state. */
const ROUND = 13;
export const TURN_BAR = 2;
const STATIC_VERB = verb('bench.static', NO_DATA);
/** Linux's USER_HZ, the unit of /proc/<pid>/stat times. */
const CLOCK_TICKS = 100;
/** Local bot auth; the tab API is not measured here, so no caller is ever authenticated. */
const BENCH_SERVER = {
  botAuth: { mode: 'local' as const },
  authenticate: () => Promise.reject(new Error('the tab API is not benchmarked here')),
};
const BENCH_CONFIG = { pseudonymSecret: 'bench-only-0123456789abcdef0123456789' };

export interface TurnRun {
  run: string;
  requests: number;
  errors: number;
  p50: number;
  p95: number;
  p99: number;
  /** With a fixed number of callers the mean follows throughput (Little's law); p50 can drift from it. */
  mean: number;
  /** CPU per invoke of this process (bot and simulated clients) and of Azurite, in ms. */
  botCpuMs: number;
  azuriteCpuMs: number | undefined;
  /** Table requests of one such turn, measured alone: `GET people`, `PUT responses`... */
  storeCalls: string[];
  /** The last step, the submission (answering runs only): once per person. */
  submit: { requests: number; p50: number } | undefined;
}

export interface TurnFigures {
  answer: TurnRun;
  /** A static card, the caller without an Entra id: no store request at all. */
  floor: TurnRun;
  /** A static card for an identified caller: the bot's directory look-up only. */
  floorWithDirectory: TurnRun;
  errors: number;
}

interface Caller {
  objectId: string;
  /** Without it the bot does not look the caller up in the directory. */
  identified: boolean;
}

interface Step {
  verb: string;
  data: Record<string, unknown>;
  /** Whether the card in the invoke response is the one this step should lead to. */
  leadsTo(card: unknown): boolean;
}

interface Stack {
  services: Services;
  answerUrl: string;
  floorUrl: string;
  azuritePid: number | undefined;
  storeCallsDuring(work: () => Promise<unknown>): Promise<string[]>;
  close(): Promise<void>;
}

interface Run {
  run: string;
  url: string;
  callers: Caller[];
  steps: Step[];
  probe: Caller;
  samples: number[];
  submitSamples: number[];
  errors: number;
  cpuMs: number;
  azuriteCpuMs: number | undefined;
}

const anonymous = (objectId: string): Caller => ({ objectId, identified: false });
const known = (objectId: string): Caller => ({ objectId, identified: true });

/**
 * Answering an item over real HTTP (invoke → store → next card) with {@link PEOPLE} concurrent
 * people against Azurite, and the same stack answering a static card: DESIGN.md §7 "bot turn".
 * The runs take turns in rounds, so that load from elsewhere on the machine falls on all of them.
 */
export async function benchTurn(): Promise<TurnFigures> {
  const stack = await startStack();
  try {
    const people = generateDemoDirectory()
      .filter((p) => p.locale === 'it-IT' && p.objectId)
      .map((p) => p.objectId!);
    const crowd = people.slice(0, PEOPLE);
    const probe = people[PEOPLE]!;
    const answering = answerSteps(stack.services);
    const still = answering.map(staticStep);
    const run = (name: string, url: string, who: (id: string) => Caller, steps: Step[]): Run => ({
      run: name,
      url,
      steps,
      callers: crowd.map(who),
      probe: who(probe),
      samples: [],
      submitSamples: [],
      errors: 0,
      cpuMs: 0,
      azuriteCpuMs: 0,
    });
    const runs = [
      run('answer an item', stack.answerUrl, known, answering),
      run('static card (no store)', stack.floorUrl, anonymous, still),
      run('static card + directory', stack.floorUrl, known, still),
    ] as const;
    for (let from = 0; from < answering.length; from += ROUND) {
      for (const r of runs) await round(stack, r, from);
    }
    // One after another: each probe counts the store calls made while it runs.
    const answer = await figuresOf(stack, runs[0]);
    const floor = await figuresOf(stack, runs[1]);
    const floorWithDirectory = await figuresOf(stack, runs[2]);
    const errors = answer.errors + floor.errors + floorWithDirectory.errors;
    return { answer, floor, floorWithDirectory, errors };
  } finally {
    await stack.close();
  }
}

/** Azurite in memory, a fresh table namespace, the demo directory, and both servers listening. */
async function startStack(): Promise<Stack> {
  const azurite = await startAzurite();
  const store = new TableStore(
    { kind: 'connectionString', connectionString: azurite.connectionString },
    `b${randomBytes(5).toString('hex')}`,
  );
  const servers: restify.Server[] = [];
  const close = async () => {
    await Promise.all(
      servers.map(
        (server) =>
          new Promise<void>((resolve) => {
            server.close(() => resolve());
          }),
      ),
    );
    await azurite.stop();
  };
  try {
    await store.ensureTables(ALL_TABLES);
    const storeCallsDuring = countStoreCalls(store);
    const services = createServices(store, BENCH_CONFIG);
    await services.directory.importPeople(generateDemoDirectory());
    const logger = pino({ level: 'warn' });
    servers.push(createBotServer(BENCH_SERVER, services, logger));
    servers.push(floorServer(services, logger));
    const [answerUrl, floorUrl] = (await Promise.all(servers.map(listen))) as [string, string];
    return { services, answerUrl, floorUrl, azuritePid: azurite.pid, storeCallsDuring, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Every caller takes steps `from`… one after another, all callers at once. */
async function round(stack: Stack, run: Run, from: number): Promise<void> {
  const cpu = process.cpuUsage();
  const azuriteCpu = cpuMsOf(stack.azuritePid);
  const steps = run.steps.slice(from, from + ROUND);
  await Promise.all(
    run.callers.map(async (caller) => {
      for (const [i, step] of steps.entries()) {
        const { ms, ok } = await post(run.url, caller, step);
        if (!ok) run.errors++;
        else if (step.verb === ASSESSMENT_VERBS.submit.name) run.submitSamples.push(ms);
        else if (from + i >= WARMUP) run.samples.push(ms);
      }
    }),
  );
  const { user, system } = process.cpuUsage(cpu);
  run.cpuMs += (user + system) / 1000;
  const azuriteCpuAfter = cpuMsOf(stack.azuritePid);
  run.azuriteCpuMs =
    run.azuriteCpuMs === undefined || azuriteCpu === undefined || azuriteCpuAfter === undefined
      ? undefined
      : run.azuriteCpuMs + azuriteCpuAfter - azuriteCpu;
}

/** Percentiles and CPU per invoke, and the store calls of one such turn made alone. */
async function figuresOf(stack: Stack, run: Run): Promise<TurnRun> {
  const invokes = run.callers.length * run.steps.length;
  const samples = [...run.samples].sort((a, b) => a - b);
  const at = (p: number) => samples[Math.max(0, Math.ceil(p * samples.length) - 1)] ?? NaN;
  const submits = [...run.submitSamples].sort((a, b) => a - b);
  const [first, second] = run.steps as [Step, Step];
  const probed = await post(run.url, run.probe, first);
  const storeCalls = await stack.storeCallsDuring(() => post(run.url, run.probe, second));
  return {
    run: run.run,
    requests: samples.length,
    errors: run.errors + (probed.ok ? 0 : 1),
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    mean: samples.reduce((sum, ms) => sum + ms, 0) / samples.length,
    botCpuMs: run.cpuMs / invokes,
    azuriteCpuMs: run.azuriteCpuMs === undefined ? undefined : run.azuriteCpuMs / invokes,
    storeCalls,
    submit: submits.length
      ? { requests: submits.length, p50: submits[Math.ceil(submits.length / 2) - 1]! }
      : undefined,
  };
}

/** CPU time of a child process so far, where /proc tells (Linux). */
function cpuMsOf(pid: number | undefined): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return undefined;
  }
}

/** The production bot with one more card action, answering a card built once. */
function floorServer(services: Services, logger: Logger): restify.Server {
  const { questionnaire } = services;
  const card = viewCard(
    { t: translator('it-IT'), locale: 'it-IT', questionnaire },
    {
      kind: 'item',
      campaignId: services.assessment.campaignId,
      version: questionnaire.version,
      item: questionnaire.items[0]!,
      index: 0,
      total: questionnaire.items.length,
    },
  );
  const staticAction = onVerb(STATIC_VERB, async () => replaceCard(card));
  return createBotServer(
    BENCH_SERVER,
    services,
    logger,
    createBot(services, logger, [staticAction]),
  );
}

/** Start, then every item in order (1–5 on the scale, yes/no on the choices), then the review. */
function answerSteps({ assessment, questionnaire }: Services): Step[] {
  const ref = cardRef({ campaignId: assessment.campaignId, version: questionnaire.version });
  const { start, answer, submit } = ASSESSMENT_VERBS;
  const { items } = questionnaire;
  const offers = (name: string, item?: string) => (card: unknown) =>
    cardButtons(card).some((b) => b.verb === name && (item === undefined || b.data.item === item));
  return [
    { verb: start.name, data: ref, leadsTo: offers(answer.name, items[0]!.id) },
    ...items.map((item, i) => ({
      verb: answer.name,
      data: { ...ref, item: item.id, value: item.type === 'likert' ? (i % 5) + 1 : i % 2 === 0 },
      leadsTo: i + 1 < items.length ? offers(answer.name, items[i + 1]!.id) : offers(submit.name),
    })),
    // The result card: no more answer or submit buttons.
    { verb: submit.name, data: ref, leadsTo: (card) => !offers(submit.name)(card) },
  ];
}

function staticStep(): Step {
  return { verb: STATIC_VERB.name, data: {}, leadsTo: (card) => cardButtons(card).length > 0 };
}

let activityCount = 0;

/** One Action.Execute invoke shaped like the Playground's; the next card is in the response. */
async function post(url: string, caller: Caller, step: Step): Promise<{ ms: number; ok: boolean }> {
  const { objectId, identified } = caller;
  const body = JSON.stringify({
    type: 'invoke',
    name: 'adaptiveCard/action',
    id: `bench-${++activityCount}`,
    channelId: 'msteams',
    serviceUrl: 'http://127.0.0.1:9/',
    locale: 'it-IT',
    from: { id: `29:${objectId}`, ...(identified ? { aadObjectId: objectId } : {}) },
    recipient: { id: '28:oibo' },
    conversation: { id: `a:${objectId}`, conversationType: 'personal' },
    value: { action: { type: 'Action.Execute', verb: step.verb, data: step.data } },
  });
  const started = performance.now();
  try {
    const response = await fetch(`${url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    const text = await response.text();
    const ms = performance.now() - started;
    const value = response.ok ? (JSON.parse(text) as { value?: { type?: unknown } }).value : {};
    return { ms, ok: value?.type === 'AdaptiveCard' && step.leadsTo(value) };
  } catch {
    return { ms: performance.now() - started, ok: false };
  }
}

/** Records each table request as `METHOD table`; `during` returns those made while `work` ran. */
function countStoreCalls(store: TableStore): (work: () => Promise<unknown>) => Promise<string[]> {
  const calls: string[] = [];
  for (const table of ALL_TABLES) {
    store.client(table).pipeline.addPolicy({
      name: 'benchStoreCalls',
      sendRequest: (request, next) => {
        calls.push(`${request.method} ${table}`);
        return next(request);
      },
    });
  }
  return async (work) => {
    const from = calls.length;
    await work();
    return calls.slice(from);
  };
}

async function listen(server: restify.Server): Promise<string> {
  await new Promise<void>((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return `http://127.0.0.1:${server.address().port}`;
}

/** The figures as a table, the ratio to the bar, PASS or FAIL. */
export function printTurn(figures: TurnFigures): void {
  const { answer, floor, floorWithDirectory } = figures;
  console.log(
    `\nBot turn: answering an item over HTTP, ${PEOPLE} concurrent people, Azurite` +
      ` (first ${WARMUP} invokes per person not counted; store calls and CPU per turn)`,
  );
  console.table(
    [answer, floor, floorWithDirectory].map((r) => ({
      run: r.run,
      requests: r.requests,
      errors: r.errors,
      'p50 (ms)': r.p50.toFixed(1),
      'p95 (ms)': r.p95.toFixed(1),
      'p99 (ms)': r.p99.toFixed(1),
      'mean (ms)': r.mean.toFixed(1),
      'store calls': r.storeCalls.length,
      'CPU bot+clients (ms)': r.botCpuMs.toFixed(1),
      'CPU Azurite (ms)': r.azuriteCpuMs?.toFixed(1) ?? '?',
    })),
  );
  console.log(`store calls of one answer: ${answer.storeCalls.join(', ')}`);
  if (answer.submit) {
    const { requests, p50 } = answer.submit;
    console.log(
      `submission (once per person, ${requests}): p50 ${p50.toFixed(1)} ms, ` +
        `${(p50 / floor.p50).toFixed(2)} × the floor's p50`,
    );
  }
  const ratio = answer.p50 / floor.p50;
  const pass = ratio <= TURN_BAR && figures.errors === 0;
  console.table([
    {
      'p50 answer / p50 floor': ratio.toFixed(2),
      bar: TURN_BAR.toFixed(1),
      errors: figures.errors,
      result: pass ? 'PASS' : 'FAIL',
      '(vs static + directory)': (answer.p50 / floorWithDirectory.p50).toFixed(2),
    },
  ]);
}
