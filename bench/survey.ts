import { randomBytes } from 'node:crypto';
import type restify from 'restify';
import { onVerb, replaceCard } from '../bot/card-actions';
import { thanksCard } from '../bot/features/surveys/surveys.cards';
import { NO_DATA, verb } from '../bot/verbs';
import type { Person } from '../core/directory/person';
import { translator } from '../core/i18n/translator';
import { SurveyAnswersRepository } from '../core/surveys/answers.repository';
import { PoolCipher } from '../core/surveys/pool-cipher';
import { pagesOf, type Answers, type SurveyQuestion } from '../core/surveys/survey';
import { addToTally, emptyTally, type Tally } from '../core/surveys/tally';
import { seededRandom } from '../core/util/random';
import { TableStore } from '../core/store/table-store';
import { identityOf } from '../tab/api/auth/identity';
import { createBot, createBotServer, createServices, type Services } from '../server/app';
import { startAzurite } from '../server/azurite';
import { ALL_TABLES } from '../server/registry';
import { silentLogger } from '../test/bot-harness';

const DEPARTMENTS = 60;
const PEOPLE = 1_200;
const SUBMITTERS = 1_000;
const CONCURRENCY = 50;
const REQUESTS = 300;
const WARM_UP = 20;
const SECRET = 'bench-only-0123456789abcdef0123456789';
export const RESULTS_BAR_MS = 50;
export const RESULTS_GROWTH_BAR = 1.5;
export const SUBMIT_BAR = 2;
const STATIC_VERB = verb('bench.static', NO_DATA);

export interface ResultsRun {
  responses: number;
  p50: number;
  p95: number;
}

export interface SubmitRun {
  run: string;
  requests: number;
  errors: number;
  p50: number;
  p95: number;
}

export interface SurveyFigures {
  results: ResultsRun[];
  submit: SubmitRun;
  floor: SubmitRun;
}

/** 20 questions: every type but free text (a text question's list reads its rows). */
const QUESTIONS = Array.from({ length: 20 }, (_, i) => {
  const type = (['scale', 'scale', 'recommend', 'single', 'multiple'] as const)[i % 5]!;
  const options =
    type === 'single' || type === 'multiple'
      ? ['a', 'b', 'c', 'd'].map((id) => ({ id, text: `Opzione ${id}` }))
      : undefined;
  return { id: `q${i + 1}`, type, text: `Domanda ${i + 1}`, ...(options ? { options } : {}) };
});

function staff(): Person[] {
  return Array.from({ length: PEOPLE }, (_, n) => ({
    objectId: `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`,
    displayName: `Persona ${n}`,
    orgUnitPath: [`Area ${String(n % DEPARTMENTS).padStart(2, '0')}`],
    manager: false,
    roles: [],
    locale: 'it-IT' as const,
  }));
}

/** One response's card inputs (strings, as Teams sends them), drawn from `next`. */
function inputs(questions: readonly SurveyQuestion[], next: () => number): Record<string, string> {
  const raw: Record<string, string> = {};
  for (const q of questions) {
    const pick = (n: number) => Math.floor(next() * n);
    raw[q.id] =
      q.type === 'scale'
        ? String(1 + pick(5))
        : q.type === 'recommend'
          ? String(pick(11))
          : q.type === 'single'
            ? q.options[pick(q.options.length)]!.id
            : q.options
                .filter(() => next() < 0.5)
                .map((o) => o.id)
                .join(',') || q.options[0]!.id;
  }
  return raw;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function timedRequests(
  count: number,
  concurrency: number,
  request: (i: number) => Promise<boolean>,
): Promise<{ times: number[]; errors: number }> {
  const times: number[] = [];
  let errors = 0;
  let issued = 0;
  const worker = async (): Promise<void> => {
    while (issued < count) {
      const i = issued++;
      const started = performance.now();
      const ok = await request(i).catch(() => false);
      times.push(performance.now() - started);
      if (!ok) errors++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { times: times.sort((a, b) => a - b), errors };
}

async function listen(server: restify.Server): Promise<string> {
  await new Promise<void>((resolve) => {
    server.listen(0, '127.0.0.1', resolve);
  });
  return `http://127.0.0.1:${server.address().port}`;
}

/** An Action.Execute invoke as Teams posts it; ok when a card comes back. */
async function invoke(
  url: string,
  objectId: string,
  name: string,
  data: unknown,
): Promise<boolean> {
  const response = await fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      type: 'invoke',
      name: 'adaptiveCard/action',
      id: `bench-${randomBytes(4).toString('hex')}`,
      channelId: 'msteams',
      serviceUrl: 'http://127.0.0.1:9/',
      locale: 'it-IT',
      from: { id: `29:${objectId}`, aadObjectId: objectId },
      recipient: { id: '28:oibo' },
      conversation: { id: `a:${objectId}`, conversationType: 'personal' },
      value: { action: { type: 'Action.Execute', verb: name, data } },
    }),
  });
  const body = (await response.json()) as { value?: { type?: string; body?: unknown[] } };
  return (
    response.ok && body.value?.type === 'AdaptiveCard' && JSON.stringify(body).includes('Grazie')
  );
}

async function launchedSurvey(services: Services): Promise<string> {
  const admin = '00000000-0000-4000-8000-aaaaaaaaaaaa';
  const survey = await services.surveys.create(
    {
      title: 'Sondaggio di prova',
      anonymous: true,
      questions: QUESTIONS,
      audience: { kind: 'all' },
    },
    admin,
  );
  await services.surveys.launch(survey.id, admin);
  return survey.id;
}

/**
 * `npm run bench:survey`. Results (GET /api/v1/surveys/:id/results as an admin, over HTTP) of a
 * 20-question survey with 1,000 and 100,000 responses in 60 departments: they read the tallies
 * kept on write (seeded here from generated answers, as the flush keeps them), one row per
 * department. Then 1,000 people submit an anonymous survey over HTTP (the bot's Submit invoke:
 * checks, pool, ledger), 50 at a time, against the same stack answering a thank-you card built
 * once, with no store request (the floor; the caller's directory look-up happens in both).
 */
export async function benchSurvey(): Promise<SurveyFigures> {
  const azurite = await startAzurite();
  try {
    const store = new TableStore(
      { kind: 'connectionString', connectionString: azurite.connectionString },
      `b${randomBytes(4).toString('hex')}`,
    );
    await store.ensureTables(ALL_TABLES);
    const services = createServices(store, { pseudonymSecret: SECRET });
    await services.directory.importPeople(staff());
    const admin = identityOf('00000000-0000-4000-8000-aaaaaaaaaaaa');
    const api = createBotServer(
      {
        botAuth: { mode: 'local' },
        authenticate: async () => ({ ...admin, roles: ['employee', 'admin'] }),
      },
      services,
      silentLogger,
    );
    const apiUrl = await listen(api);
    const answers = new SurveyAnswersRepository(store, new PoolCipher(SECRET));
    const results: ResultsRun[] = [];
    for (const responses of [1_000, 100_000]) {
      const id = await launchedSurvey(services);
      const { questions } = await services.surveys.get(id);
      const next = seededRandom(responses);
      const tallies = new Map<string, Tally>();
      for (let i = 0; i < responses; i++) {
        const department = `Area ${String(i % DEPARTMENTS).padStart(2, '0')}`;
        const raw = inputs(questions, next);
        const parsed: Answers = {};
        for (const q of questions) {
          parsed[q.id] =
            q.type === 'multiple'
              ? raw[q.id]!.split(',')
              : q.type === 'single'
                ? raw[q.id]!
                : Number(raw[q.id]);
        }
        tallies.set(
          department,
          addToTally(tallies.get(department) ?? emptyTally(), questions, parsed),
        );
      }
      await answers.putTallies(id, tallies);
      const url = `${apiUrl}/api/v1/surveys/${id}/results`;
      const get = async () => (await fetch(url)).status === 200;
      for (let i = 0; i < WARM_UP; i++) await get();
      const { times } = await timedRequests(REQUESTS, 10, get);
      results.push({ responses, p50: percentile(times, 50), p95: percentile(times, 95) });
    }
    api.close();

    const surveyId = await launchedSurvey(services);
    const survey = await services.surveys.get(surveyId);
    // The floor answers the thank-you card built once: no store request (as bench:turn's floor).
    const card = thanksCard({ t: translator('it-IT'), locale: 'it-IT' }, survey);
    const thanks = onVerb(STATIC_VERB, () => Promise.resolve(replaceCard(card)));
    const bot = createBotServer(
      { botAuth: { mode: 'local' }, authenticate: () => Promise.reject(new Error('no tab API')) },
      services,
      silentLogger,
      createBot(services, silentLogger, [thanks]),
    );
    const botUrl = await listen(bot);
    const people = staff().slice(0, SUBMITTERS);
    const next = seededRandom(7);
    const last = pagesOf(survey.questions).length - 1;
    const submitOf = (p: Person, i: number) => {
      const raw = inputs(survey.questions, next);
      const lastIds = pagesOf(survey.questions)[last]!;
      const earlier = Object.fromEntries(
        Object.entries(raw).filter(([id]) => !lastIds.includes(id)),
      );
      const page = Object.fromEntries(lastIds.map((id) => [`q:${id}`, raw[id]]));
      return invoke(botUrl, p.objectId!, 'survey.submit', {
        survey: surveyId,
        rev: survey.revision,
        page: last,
        nonce: `bench-nonce-${i}`,
        answers: earlier,
        ...page,
      });
    };
    // Floor and submission take turns in halves, so that both meet the same machine load.
    const half = SUBMITTERS / 2;
    const floor1 = await timedRequests(half, CONCURRENCY, (i) =>
      invoke(botUrl, people[i]!.objectId!, STATIC_VERB.name, {}),
    );
    const submit1 = await timedRequests(half, CONCURRENCY, (i) => submitOf(people[i]!, i));
    const floor2 = await timedRequests(half, CONCURRENCY, (i) =>
      invoke(botUrl, people[i]!.objectId!, STATIC_VERB.name, {}),
    );
    const submit2 = await timedRequests(half, CONCURRENCY, (i) =>
      submitOf(people[half + i]!, half + i),
    );
    bot.close();
    const runOf = (run: string, a: typeof floor1, b: typeof floor1): SubmitRun => {
      const times = [...a.times, ...b.times].sort((x, y) => x - y);
      return {
        run,
        requests: times.length,
        errors: a.errors + b.errors,
        p50: percentile(times, 50),
        p95: percentile(times, 95),
      };
    };
    const submit = runOf('submit (checks, pool, ledger)', submit1, submit2);
    if ((await services.surveys.responded(surveyId)) !== SUBMITTERS - submit.errors) {
      throw new Error('the ledger does not count every submission');
    }
    await store.deleteTables(ALL_TABLES);
    return { results, submit, floor: runOf('thank-you card (no store)', floor1, floor2) };
  } finally {
    await azurite.stop();
  }
}

export function printSurvey({ results, submit, floor }: SurveyFigures): void {
  const [small, large] = results as [ResultsRun, ResultsRun];
  console.log('\nSurvey results: GET /api/v1/surveys/:id/results, 20 questions, 60 departments');
  console.table(
    results.map((r) => ({
      responses: r.responses,
      'p50 (ms)': r.p50.toFixed(1),
      'p95 (ms)': r.p95.toFixed(1),
      'p95 / bar': (r.p95 / RESULTS_BAR_MS).toFixed(2),
    })),
  );
  console.log(
    `p95 at 100,000 / p95 at 1,000: ${(large.p95 / small.p95).toFixed(2)} (bar ${RESULTS_GROWTH_BAR})`,
  );
  console.log('\nSurvey answer submission over HTTP, 50 concurrent people');
  console.table(
    [submit, floor].map((r) => ({
      run: r.run,
      requests: r.requests,
      errors: r.errors,
      'p50 (ms)': r.p50.toFixed(1),
      'p95 (ms)': r.p95.toFixed(1),
    })),
  );
  console.log(`p50 submit / p50 floor: ${(submit.p50 / floor.p50).toFixed(2)} (bar ${SUBMIT_BAR})`);
}
