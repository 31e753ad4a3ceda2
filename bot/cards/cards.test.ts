import { translator } from '../../core/i18n/translator';
import { LOCALES } from '../../core/directory/person';
import { COMMAND_SPECS } from '../../server/registry';
import { helpCommand } from '../features/help/help.command';
import { helpCard, personalOnlyCard } from '../features/help/help.cards';
import { welcomeCard } from '../features/welcome/welcome.cards';
import { noticeCard, type AdaptiveCard } from './card';
import { shippedQuestionnaire } from '../../server/app';
import { scoreAnswers, strengthsAndGrowth } from '../../core/assessment/scoring';
import { cardText } from '../../test/bot-harness';
import {
  bandsLegend,
  departmentCard,
  itemCard,
  privacyCard,
  resultCard,
  reviewCard,
} from '../features/assessment/assessment.cards';
import { myDataCard } from '../features/privacy/my-data.cards';
import { tabPageUrl } from './links';
import { eraseConfirmCard } from '../features/privacy/privacy.cards';
import { cardProblems } from './card-validation';
import {
  approvalCard,
  decisionCard,
  invitationCard,
  nearCard,
  revocationCard,
} from '../features/facilitators/facilitators.cards';
import { actionFailedCard, turnFailedCard } from './error.cards';

const TEAMS_APP_ID = '4f8a2c1e-9b3d-4e7a-8c6f-2d1b0a9e8f70';

describe.each(LOCALES)('cards in %s', (locale) => {
  const t = translator(locale);
  const questionnaire = shippedQuestionnaire();
  const context = { t, locale, questionnaire };
  const ref = { campaignId: 'dm-v1', version: 1 };
  const total = questionnaire.items.length;
  const answers = Object.fromEntries(questionnaire.items.map((item) => [item.id, 4 as const]));
  const result = scoreAnswers(questionnaire, answers);
  const cards: [string, AdaptiveCard][] = [
    ['assessment privacy', privacyCard(context, { campaignId: 'dm-v1', version: 1 }, 5)],
    [
      'department',
      departmentCard(context, {
        kind: 'department',
        ...ref,
        departments: [['Area A'], ['Area B']],
      }),
    ],
    ...questionnaire.items.map((item, index): [string, AdaptiveCard] => [
      `item ${item.id}`,
      itemCard(context, {
        kind: 'item',
        ...ref,
        item,
        index,
        total,
        current: item.type === 'likert' ? 3 : true,
      }),
    ]),
    [
      'review',
      reviewCard(context, {
        kind: 'review',
        ...ref,
        answered: total - 2,
        total,
        answers: Object.fromEntries(questionnaire.items.slice(2).map((i) => [i.id, 4 as const])),
        choices: { 'fc-consent': true },
      }),
    ],
    [
      'result',
      resultCard(context, {
        kind: 'result',
        result,
        highlights: strengthsAndGrowth(questionnaire, result),
        submittedAt: new Date('2026-11-26T10:00:00Z'),
      }),
    ],
    [
      'my data',
      myDataCard(context, {
        directory: {
          displayName: 'Giulia Rossi',
          orgUnitPath: ['Area Welfare', 'Settore Servizi sociali'],
          manager: false,
          roles: ['facilitator'],
          locale,
        },
        assessments: [
          {
            questionnaireId: questionnaire.id,
            version: questionnaire.version,
            orgUnitPath: ['Area Welfare'],
            answers,
            choices: { 'fc-consent': true, 'fc-interest': false },
            status: 'submitted',
            startedAt: new Date('2026-11-20T10:00:00Z'),
            submittedAt: new Date('2026-11-26T10:00:00Z'),
            result,
          },
        ],
        chat: { lastContactAt: new Date('2026-11-26T10:00:00Z') },
      }),
    ],
    [
      'my data, nothing stored',
      myDataCard(context, { directory: null, assessments: [], chat: null }),
    ],
    [
      'my data, with the link to the tab',
      myDataCard(
        { ...context, tabUrl: tabPageUrl(TEAMS_APP_ID, 'my-data') },
        { directory: null, assessments: [], chat: null },
      ),
    ],
    ['delete my data', eraseConfirmCard(t)],
    [
      'facilitator invitation',
      invitationCard(t, {
        roundId: 'r1',
        managerApproval: true,
        reminder: false,
        contactUpn: 'facilitazione@comune-demo.example',
      }),
    ],
    [
      'facilitator reminder, no contact, no approval',
      invitationCard(t, { roundId: 'r1', managerApproval: false, reminder: true }),
    ],
    [
      'facilitator approval',
      approvalCard(t, {
        roundId: 'r1',
        person: {
          objectId: '7b0c2e5a-6f1d-4c3b-9a8e-1d2f3a4b5c60',
          displayName: 'Giulia Ferri',
          orgUnitPath: ['Area Welfare', 'Settore Servizi sociali'],
          manager: false,
          roles: [],
          locale,
        },
        byProgramme: true,
      }),
    ],
    ['facilitator approved', decisionCard(t, true)],
    ['facilitator not approved', decisionCard(t, false)],
    ['facilitator revoked', revocationCard(t)],
    [
      'facilitators near me, area',
      nearCard(t, {
        scope: 'area',
        unit: ['Area Welfare'],
        facilitators: Array.from({ length: 12 }, (_, i) => ({
          objectId: `7b0c2e5a-6f1d-4c3b-9a8e-1d2f3a4b5c${String(i).padStart(2, '0')}`,
          ...(i % 2 === 0 ? { upn: `persona.${i}@comune-demo.example` } : {}),
          displayName: `Persona ${i}`,
          orgUnitPath: ['Area Welfare', 'Settore Anziani'],
          manager: false,
          roles: ['facilitator' as const],
          locale,
        })),
      }),
    ],
    [
      'facilitators near me, nobody',
      nearCard(t, { scope: 'none', unit: ['Area A'], facilitators: [] }),
    ],
    ['welcome, personal, known', welcomeCard({ t, firstName: 'Giulia', scope: 'personal', k: 5 })],
    ['welcome, personal, unknown', welcomeCard({ t, scope: 'personal', k: 5 })],
    ['welcome, team channel', welcomeCard({ t, scope: 'channel', k: 5, botId: '28:oibo' })],
    ['welcome, group chat', welcomeCard({ t, scope: 'groupChat', k: 5, botId: '28:oibo' })],
    ['help', helpCard({ t, commands: [helpCommand(() => [])], scope: 'personal' })],
    [
      'help, group chat',
      helpCard({
        t,
        commands: [...COMMAND_SPECS],
        scope: 'groupChat',
        botId: '28:oibo',
      }),
    ],
    ['unknown command', noticeCard(t('unknown.text'))],
    ['unknown command, group', noticeCard(t('unknown.text.group'))],
    ['personal command refused in a group', personalOnlyCard(t, '28:oibo')],
    ['turn failed', turnFailedCard(t)],
    [
      'card action failed',
      actionFailedCard(t, { verb: 'assessment.answer', data: { i: 'ds-01', v: 4 } }),
    ],
    ['card action failed, nothing to retry', actionFailedCard(t, undefined)],
  ];

  it.each(cards)('%s parses without errors at schema 1.5', (_name, card) => {
    expect(card.version).toBe('1.5');
    expect(cardProblems(card)).toEqual([]);
  });
});

describe('assessment cards', () => {
  const questionnaire = shippedQuestionnaire();
  const item = questionnaire.items.find((i) => i.type === 'likert')!;
  const itemView = {
    kind: 'item' as const,
    campaignId: 'dm-v1',
    version: 1,
    item,
    index: 0,
    total: 37,
  };

  it.each([
    [
      'it-IT',
      ["1 su 5: Per niente d'accordo", '2 su 5', '3 su 5', '4 su 5', "5 su 5: Del tutto d'accordo"],
    ],
    [
      'en-US',
      ['1 of 5: Strongly disagree', '2 of 5', '3 of 5', '4 of 5', '5 of 5: Strongly agree'],
    ],
  ] as const)('name each answer button for screen readers in %s', (locale, labels) => {
    const card = itemCard({ t: translator(locale), locale, questionnaire }, itemView);
    const answers = JSON.stringify(card.body).match(/"tooltip":"[^"]*"/g);
    expect(answers).toEqual(labels.map((label) => `"tooltip":${JSON.stringify(label)}`));
  });

  it('summarises the answers before the final submit, and keeps Back', () => {
    const t = translator('it-IT');
    const likert = questionnaire.items.flatMap((i) => (i.type === 'likert' ? [i] : []));
    const [first, ...rest] = likert;
    const card = reviewCard(
      { t, locale: 'it-IT', questionnaire },
      {
        kind: 'review',
        campaignId: 'dm-v1',
        version: 1,
        answered: rest.length + 1,
        total: questionnaire.items.length,
        answers: Object.fromEntries(rest.map((i) => [i.id, 4 as const])),
        choices: { 'fc-consent': true },
      },
    );
    expect(cardProblems(card)).toEqual([]);
    const dimension = questionnaire.dimensions.find((d) => d.id === first!.dimension)!;
    const own = likert.filter((i) => i.dimension === dimension.id).length;
    const facts = card.body.find((element) => element.type === 'FactSet');
    expect(facts).toMatchObject({
      facts: expect.arrayContaining([
        {
          title: dimension.name['it-IT'],
          value: `${own - 1} su ${own}: ${['–', ...Array<number>(own - 1).fill(4)].join(' · ')}`,
        },
      ]),
    });
    expect(cardText(card)).toContain('**Sì, acconsento**');
    expect(cardText(card)).toContain('**nessuna risposta**');
    expect(card.actions?.map((action) => action.title)).toEqual(['Invia', 'Indietro']);
  });

  it('explains the bands from the questionnaire, not from fixed numbers', () => {
    const moved = {
      ...questionnaire,
      bands: [
        { ...questionnaire.bands[0] },
        { ...questionnaire.bands[1], min: 40 },
        { ...questionnaire.bands[2], min: 80 },
      ] as typeof questionnaire.bands,
    };
    expect(bandsLegend({ t: translator('en-US'), locale: 'en-US', questionnaire: moved })).toBe(
      'How to read the bands (scores from 0 to 100): Basic below 40, Intermediate from 40 to 79.9, and Advanced from 80 up.',
    );
  });

  it('shows every growth area tied at the lowest score', () => {
    const t = translator('it-IT');
    const answers = Object.fromEntries(questionnaire.items.map((i) => [i.id, 2 as const]));
    const result = scoreAnswers(questionnaire, answers);
    const highlights = strengthsAndGrowth(questionnaire, result);
    const card = resultCard(
      { t, locale: 'it-IT', questionnaire },
      { kind: 'result', result, highlights, submittedAt: new Date('2026-11-26T10:00:00Z') },
    );
    expect(cardProblems(card)).toEqual([]);
    const tied = result.dimensions.filter((d) => d.score === highlights.growth[0]!.score);
    expect(tied.length).toBeGreaterThan(2);
    for (const d of tied) {
      const name = questionnaire.dimensions.find((x) => x.id === d.dimension)!.name['it-IT'];
      expect(cardText(card)).toContain(`**${name}**`);
    }
  });
});

describe('my data card', () => {
  const nothing = { directory: null, assessments: [], chat: null };
  const context = { questionnaire: shippedQuestionnaire() };

  it.each([
    ['it-IT', 'Apri i tuoi dati nella scheda óiBO'],
    ['en-US', 'Open your data in the óiBO tab'],
  ] as const)('opens the tab at "my data" inside Teams (%s)', (locale, title) => {
    const t = translator(locale);
    const card = myDataCard(
      { ...context, t, locale, tabUrl: tabPageUrl(TEAMS_APP_ID, 'my-data') },
      nothing,
    );
    expect(card.actions).toEqual([
      {
        type: 'Action.OpenUrl',
        title,
        url: `https://teams.microsoft.com/l/entity/${TEAMS_APP_ID}/home?context=%7B%22subEntityId%22%3A%22my-data%22%7D`,
      },
    ]);
  });

  it('offers no button when the Teams app id is not configured', () => {
    const t = translator('it-IT');
    expect(myDataCard({ ...context, t, locale: 'it-IT' }, nothing).actions).toBeUndefined();
  });
});

describe('card validation', () => {
  it('reports unknown elements and duplicate input ids', () => {
    const broken = {
      type: 'AdaptiveCard',
      $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
      version: '1.5',
      body: [
        { type: 'Nonsense' },
        { type: 'Input.Text', id: 'a' },
        { type: 'Input.Text', id: 'a' },
      ],
    } as AdaptiveCard;
    expect(cardProblems(broken).length).toBeGreaterThanOrEqual(2);
  });

  it('reports cards over 40 KB', () => {
    const big = welcomeCard({
      t: translator('it-IT'),
      firstName: 'x'.repeat(50_000),
      scope: 'personal',
      k: 5,
    });
    expect(cardProblems(big)).toEqual([expect.stringMatching(/over 40960/)]);
  });
});
