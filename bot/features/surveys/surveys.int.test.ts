import { startAppOverHttp, type AppOverHttp } from '../../../test/app-over-http';
import type { Activity } from 'botbuilder';
import { type ConnectorSim } from '../../../bench/connector-sim/connector-sim';
import { CONVERSATION_REFS_TABLE } from '../../../core/conversations/conversation-refs.repository';
import type { Campaign } from '../../../core/delivery/campaign';
import type { Person } from '../../../core/directory/person';
import { SURVEY_ANSWERS_TABLE } from '../../../core/surveys/answers.repository';
import { DEFAULT_ABUSE_LIMITS } from '../../../core/util/abuse-limits';
import type { SurveyResults } from '../../../tab/api/contract';
import { createServices, type Services } from '../../../server/app';
import { ALL_TABLES } from '../../../server/registry';
import { botHarness, cardText, personalActivity } from '../../../test/bot-harness';
import { freshStore, TEST_CONFIG } from '../../../test/store';
import { type TestTokenIssuer } from '../../../test/test-tokens';
import type { AdaptiveCard } from '../../cards/card';
import { cardProblems } from '../../cards/card-validation';

jest.setTimeout(180_000);

let n = 0;
function person(path: string[], extra: Partial<Person> = {}): Person {
  n++;
  return {
    objectId: `5a7e0000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    upn: `p${n}@comune-demo.example`,
    displayName: `Persona ${n}`,
    orgUnitPath: path,
    manager: false,
    roles: [],
    locale: 'it-IT',
    ...extra,
  };
}
const WELFARE = 'Area Welfare';
const CULTURA = 'Area Cultura';
const SPORT = 'Area Sport';
const admin = person(['Agenda Digitale'], { roles: ['admin'] });
const director = person([WELFARE], { manager: true });
const head = person([WELFARE, 'Settore Anziani'], { manager: true });
const welfare = Array.from({ length: 8 }, () => person([WELFARE, 'Settore Casa']));
const cultura = Array.from({ length: 3 }, () => person([CULTURA]));
const sport = Array.from({ length: 5 }, () => person([SPORT]));
const PEOPLE = [admin, director, head, ...welfare, ...cultura, ...sport];
const oid = (p: Person) => p.objectId!;

/** The survey of the acceptance contract, with every question type and k = 3. */
const SURVEY = {
  title: 'Comunicazione del programma',
  anonymous: true,
  k: 3,
  questions: [
    { id: 'informed', type: 'scale', text: 'Mi sento informata o informato.' },
    { id: 'recommend', type: 'recommend', text: 'Lo consiglieresti?' },
    {
      id: 'channel',
      type: 'single',
      text: 'Canale principale',
      options: [
        { id: 'intranet', text: 'Intranet' },
        { id: 'teams', text: 'Teams' },
      ],
    },
    {
      id: 'topics',
      type: 'multiple',
      text: 'Temi',
      options: [
        { id: 'labs', text: 'Laboratori' },
        { id: 'ideas', text: 'Idee' },
        { id: 'training', text: 'Formazione' },
      ],
    },
    { id: 'improve', type: 'text', text: 'Cosa miglioreresti?' },
  ],
  audience: { kind: 'all' },
};

describe('pulse surveys (Azurite + connector simulator + tab API + bot)', () => {
  let services: Services;
  let drop: () => Promise<void>;
  let sim: ConnectorSim;
  let app: AppOverHttp;
  let base: string;
  let issuer: TestTokenIssuer;
  let bot: ReturnType<typeof botHarness>;
  let clock = new Date();
  let surveyId = '';

  beforeAll(async () => {
    const fresh = await freshStore();
    drop = fresh.drop;
    services = createServices(fresh.store, {
      ...TEST_CONFIG,
      delivery: { ratePerSecond: 100, maxAttempts: 3 },
      abuseLimits: { ...DEFAULT_ABUSE_LIMITS, campaignStartsPerMinute: 1_000 },
      now: () => clock,
    });
    app = await startAppOverHttp(services, PEOPLE);
    ({ sim, base, issuer } = app);
    bot = botHarness(services);
  });

  afterAll(async () => {
    await app.stop();
    await drop();
  });

  const call = async (path: string, as: Person, init: RequestInit = {}) => {
    const token = await issuer.mint({ claims: { oid: oid(as) } });
    return fetch(`${base}${path}`, {
      ...init,
      headers: {
        'accept-language': 'it-IT',
        ...(init.body ? { 'content-type': 'application/json' } : {}),
        authorization: `Bearer ${token}`,
      },
    });
  };
  const post = (path: string, as: Person, body: unknown = {}) =>
    call(path, as, { method: 'POST', body: JSON.stringify(body) });
  const results = async (as: Person, query = '') =>
    (await (await call(`/api/v1/surveys/${surveyId}/results${query}`, as)).json()) as SurveyResults;

  const completed = async (id: string): Promise<Campaign> => {
    for (;;) {
      const { campaign } = await services.campaigns.status(id);
      if (campaign.state === 'completed') return campaign;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  const deliveredTo = (from: number) =>
    [...sim.deliveries()]
      .filter((d) => d.at >= from)
      .map((d) => d.conversationId.slice(2))
      .sort();

  /** Presses a survey card's button as `as`, with the page's inputs; the card answered. */
  const press = async (
    as: Person,
    verb: 'survey.next' | 'survey.submit',
    data: Record<string, unknown>,
  ): Promise<AdaptiveCard> => {
    const activity: Partial<Activity> = personalActivity(
      { objectId: oid(as) },
      {
        type: 'invoke',
        name: 'adaptiveCard/action',
        value: { action: { type: 'Action.Execute', verb, data } },
      },
    );
    const replies = await bot.turn(activity);
    const response = replies.find((a) => a.type === 'invokeResponse')?.value as {
      status: number;
      body: { value: AdaptiveCard };
    };
    expect(response.status).toBe(200);
    expect(cardProblems(response.body.value)).toEqual([]);
    return response.body.value;
  };
  const buttonData = (card: AdaptiveCard) =>
    (card.actions?.[0] as { data: Record<string, unknown> }).data;

  /** Answers the whole survey through its two pages; the last card. */
  const answer = async (as: Person, values: { informed: string; text?: string }) => {
    const first = {
      survey: surveyId,
      rev: 1,
      page: 0,
      nonce: `n-${oid(as).slice(-12)}`,
      answers: {},
    };
    const second = await press(as, 'survey.next', {
      ...first,
      'q:informed': values.informed,
      'q:recommend': '9',
      'q:channel': 'teams',
      'q:topics': 'labs,training',
    });
    expect(cardText(second)).toContain('Pagina 2 di 2');
    return press(as, 'survey.submit', {
      ...buttonData(second),
      'q:improve': values.text ?? '',
    });
  };

  /** Every row of every table (the chats' too, which every inbound message refreshes, if asked). */
  const everyRow = async (chats = true) => {
    const rows: { table: string; entity: Record<string, unknown> }[] = [];
    for (const table of ALL_TABLES) {
      if (!chats && table === CONVERSATION_REFS_TABLE) continue;
      for await (const entity of services.store.client(table).listEntities()) {
        rows.push({ table, entity: entity });
      }
    }
    return rows;
  };

  it('refuses bad surveys and non-admins, and creates and launches the contract survey', async () => {
    expect((await post('/api/v1/surveys', director, SURVEY)).status).toBe(403);
    const bad = [
      { ...SURVEY, questions: [{ id: 'x', type: 'stars', text: 'Stelle' }] },
      {
        ...SURVEY,
        questions: Array.from({ length: 21 }, (_, i) => ({
          id: `q${i}`,
          type: 'scale',
          text: 'Domanda',
        })),
      },
      { ...SURVEY, anonymous: false },
      { ...SURVEY, k: 2 },
    ];
    for (const body of bad) expect((await post('/api/v1/surveys', admin, body)).status).toBe(400);
    const created = await post('/api/v1/surveys', admin, SURVEY);
    expect(created.status).toBe(201);
    surveyId = ((await created.json()) as { id: string }).id;
    const from = Date.now();
    const launch = await post(`/api/v1/surveys/${surveyId}/launch`, admin);
    expect(launch.status).toBe(202);
    const { campaignId } = (await launch.json()) as { campaignId: string };
    await completed(campaignId);
    expect(deliveredTo(from)).toEqual(PEOPLE.map(oid).sort());
    expect((await post(`/api/v1/surveys/${surveyId}/launch`, admin)).status).toBe(409);
    const preview = (await (
      await call(`/api/v1/surveys/${surveyId}/card?locale=en-US&page=1`, admin)
    ).json()) as {
      pages: number;
      card: AdaptiveCard;
    };
    expect(preview.pages).toBe(2);
    expect(cardText(preview.card)).toContain('Page 2 of 2');
  });

  it('refuses bad answers with a clear message and writes nothing', async () => {
    const before = await everyRow(false);
    const asked = { survey: surveyId, rev: 1, page: 0, nonce: 'nonce-bad-0001', answers: {} };
    const outOfScale = await press(welfare[0]!, 'survey.next', {
      ...asked,
      'q:informed': '7',
      'q:recommend': '9',
      'q:channel': 'teams',
    });
    expect(cardText(outOfScale)).toContain('fuori dalla scala');
    const unknown = await press(welfare[0]!, 'survey.next', {
      ...asked,
      'q:informed': '3',
      'q:recommend': '9',
      'q:channel': 'teams',
      'q:bogus': '1',
    });
    expect(cardText(unknown)).toContain('domanda che questo sondaggio non ha');
    const stale = await press(welfare[0]!, 'survey.submit', {
      ...asked,
      rev: 2,
      page: 1,
      answers: { informed: '3', recommend: '9', channel: 'teams' },
    });
    expect(cardText(stale)).toContain('non è più valida');
    const tooLong = await press(welfare[0]!, 'survey.submit', {
      ...asked,
      page: 1,
      answers: { informed: '3', recommend: '9', channel: 'teams' },
      'q:improve': 'x'.repeat(281),
    });
    expect(cardText(tooLong)).toContain('supera i 280 caratteri');
    expect(await everyRow(false)).toEqual(before);
  });

  it('stores an anonymous answer with nothing that identifies the respondent, in any table', async () => {
    const respondent = welfare[0]!;
    const submittedFrom = new Date();
    const thanks = await answer(respondent, { informed: '4', text: 'Più notizie sui laboratori' });
    const submittedTo = new Date();
    expect(cardText(thanks)).toContain('Grazie per aver risposto');
    const again = await answer(respondent, { informed: '1' });
    expect(cardText(again)).toContain('Hai già risposto');
    for (const p of welfare.slice(1))
      await answer(p, { informed: '3', text: `Testo ${oid(p).slice(-2)}` });
    for (const p of [...cultura.slice(0, 2), ...sport.slice(0, 4)])
      await answer(p, { informed: '5', text: 'Bene così' });
    // Held only: nothing written as an answer yet, the tallies empty.
    expect(
      (await services.surveys.results(surveyId, { scope: [], locale: 'it-IT' })).responses,
    ).toBeNull();

    // The round writes Welfare's ready step: 8 held, k = 3 kept back, 5 written; the others wait.
    await services.surveys.tick();
    const open = await results(admin);
    expect(open.responses).toBe(5);
    expect(open.departments.find((d) => d.department === WELFARE)?.responses).toBe(5);

    clock = new Date(clock.getTime() + 60_000);
    expect((await post(`/api/v1/surveys/${surveyId}/close`, admin)).status).toBe(200);

    const pseudonym = services.pseudonyms.pseudonymOf(oid(respondent));
    const needles = [oid(respondent), pseudonym, `a:${oid(respondent)}`];
    const hits = (await everyRow()).filter(({ entity }) =>
      needles.some((needle) => JSON.stringify(entity).toLowerCase().includes(needle.toLowerCase())),
    );
    // Only the person's own places: directory, chat, deliveries, identity link and the ledger row
    // (survey id and the day, no answer); never a survey's table.
    const tables = [...new Set(hits.map((h) => h.table))].sort();
    expect(tables.every((t) => !t.startsWith('survey'))).toBe(true);
    const ledger = hits.filter((h) => h.table === 'respondents');
    expect(ledger).toHaveLength(1);
    expect(
      Object.keys(ledger[0]!.entity)
        .filter((k) => !['etag', 'timestamp', 'partitionKey', 'rowKey'].includes(k))
        .sort(),
    ).toEqual(['completedAt', 'subject']);
    expect(new Date(ledger[0]!.entity.completedAt as string).getUTCHours()).toBe(0);

    // The answer rows: department and answers only, written by the rounds, never during a Submit.
    const answers = (await everyRow()).filter(
      ({ table, entity }) =>
        table === SURVEY_ANSWERS_TABLE && String(entity.rowKey).startsWith('answer|'),
    );
    expect(answers).toHaveLength(8 + 2 + 4);
    for (const { entity } of answers) {
      const own = Object.keys(entity).filter(
        (k) => !['etag', 'timestamp', 'partitionKey', 'rowKey'].includes(k),
      );
      expect(own.every((k) => k === 'department' || k === 'answers' || k.startsWith('t_'))).toBe(
        true,
      );
      const written = new Date(String(entity.timestamp));
      expect(written < submittedFrom || written > submittedTo).toBe(true);
    }
  });

  it('shows results through the privacy engine: k, complementary suppression, texts at 10, managers scoped', async () => {
    const all = await results(admin);
    expect(all.state).toBe('closed');
    expect(all.responses).toBe(14);
    const byName = new Map(all.departments.map((d) => [d.department, d]));
    // Cultura (2 < k) is hidden, and so is another so that it cannot be computed by subtraction.
    expect(byName.get(CULTURA)?.hidden).toBe(true);
    const hidden = all.departments.filter((d) => d.hidden);
    expect(hidden.length).toBeGreaterThanOrEqual(2);
    const visibleSum = all.departments
      .filter((d) => !d.hidden)
      .reduce((s, d) => s + d.responses!, 0);
    expect(all.responses! - visibleSum).toBeGreaterThanOrEqual(3);
    const informed = all.questions.find((q) => q.id === 'informed')!;
    expect(informed.counts.map((c) => c.count)).toEqual([0, 0, 7, 1, 6]);
    const improve = all.questions.find((q) => q.id === 'improve')!;
    expect(improve.texts).toHaveLength(14);
    expect(improve.texts).toContain('Più notizie sui laboratori');

    const welfareView = await results(director);
    expect(welfareView.departments.map((d) => d.department)).toEqual([WELFARE]);
    expect(welfareView.responses).toBe(8);
    // 8 responses: fewer than 10, so no texts.
    expect(welfareView.questions.find((q) => q.id === 'improve')!.texts).toBeNull();
    expect(
      (
        await call(
          `/api/v1/surveys/${surveyId}/results?department=${encodeURIComponent(CULTURA)}`,
          director,
        )
      ).status,
    ).toBe(403);
    expect((await call(`/api/v1/surveys/${surveyId}/results`, head)).status).toBe(403);
    expect((await call(`/api/v1/surveys/${surveyId}/results`, welfare[1]!)).status).toBe(403);
    const csv = await (await call(`/api/v1/surveys/${surveyId}/results.csv`, admin)).text();
    expect(csv).toContain('Più notizie sui laboratori');

    // The tallies rebuilt from the answer rows are the same numbers.
    const kept = await services.surveys.results(surveyId, { scope: [], locale: 'it-IT' });
    const survey = await services.surveys.get(surveyId);
    await services.surveys.rebuild(survey.id);
    expect(await services.surveys.results(surveyId, { scope: [], locale: 'it-IT' })).toEqual({
      ...kept,
      questions: kept.questions.map((q) =>
        q.texts ? { ...q, texts: expect.arrayContaining(q.texts) } : q,
      ),
    });
  });

  it('reminds only the people who have not answered, and refuses answers once closed', async () => {
    const created = await post('/api/v1/surveys', admin, {
      ...SURVEY,
      audience: { kind: 'departments', departments: [SPORT] },
    });
    const { id } = (await created.json()) as { id: string };
    surveyId = id;
    const { campaignId } = (await (await post(`/api/v1/surveys/${id}/launch`, admin)).json()) as {
      campaignId: string;
    };
    await completed(campaignId);
    await answer(sport[0]!, { informed: '2' });
    await answer(sport[1]!, { informed: '2' });
    const from = Date.now();
    const remind = await post(`/api/v1/surveys/${id}/reminders`, admin);
    expect(remind.status).toBe(202);
    await completed(((await remind.json()) as { campaignId: string }).campaignId);
    expect(deliveredTo(from)).toEqual(sport.slice(2).map(oid).sort());

    expect((await post(`/api/v1/surveys/${id}/close`, admin)).status).toBe(200);
    const card = await press(sport[3]!, 'survey.next', {
      survey: id,
      rev: 1,
      page: 0,
      nonce: 'nonce-late-001',
      answers: {},
    });
    expect(cardText(card)).toContain('Il sondaggio è chiuso');
  });

  it('keeps an identified answer under the person, tells them why, and exports and erases it with them', async () => {
    const created = await post('/api/v1/surveys', admin, {
      ...SURVEY,
      anonymous: false,
      purpose: 'Organizzare i gruppi di lavoro con chi si rende disponibile.',
      audience: { kind: 'departments', departments: [CULTURA] },
    });
    expect(created.status).toBe(201);
    surveyId = ((await created.json()) as { id: string }).id;
    const preview = (await (
      await call(`/api/v1/surveys/${surveyId}/card?locale=it-IT&page=0`, admin)
    ).json()) as { card: AdaptiveCard };
    expect(cardText(preview.card)).toContain('Organizzare i gruppi di lavoro');
    const { campaignId } = (await (
      await post(`/api/v1/surveys/${surveyId}/launch`, admin)
    ).json()) as { campaignId: string };
    await completed(campaignId);
    await answer(cultura[0]!, { informed: '4', text: 'Più incontri in presenza' });
    await answer(cultura[1]!, { informed: '2' });

    const mine = async (p: Person) =>
      ((await services.privacy.export(oid(p))) as { surveyAnswers?: { survey: string }[] })
        .surveyAnswers ?? [];
    expect(await mine(cultura[0]!)).toEqual([
      expect.objectContaining({
        survey: surveyId,
        answers: expect.objectContaining({ improve: 'Più incontri in presenza' }),
      }),
    ]);
    expect(await mine(cultura[2]!)).toEqual([]);

    await services.privacy.erase(oid(cultura[0]!));
    expect(await mine(cultura[0]!)).toEqual([]);
    expect(await mine(cultura[1]!)).toEqual([expect.objectContaining({ survey: surveyId })]);
  });
});

/** A 1:1 chat with the bot at the simulator, as if the person had installed the app. */
