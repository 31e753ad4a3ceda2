import type { SurveyResults, SurveyTemplate } from '../src/api/types';

const it = (it: string, en: string) => ({ 'it-IT': it, 'en-US': en });

export const communicationTemplate: SurveyTemplate = {
  id: 'communication',
  title: it('La comunicazione del programma', "The programme's communication"),
  description: it(
    'Quanto arrivano le notizie del programma.',
    'How well programme news reaches people.',
  ),
  survey: {
    title: it('La comunicazione del programma', "The programme's communication"),
    anonymous: true,
    audience: { kind: 'all' },
    questions: [
      {
        id: 'informed',
        type: 'scale',
        text: it('Mi sento informato sul programma.', 'I feel informed about the programme.'),
        required: true,
        options: [],
      },
      {
        id: 'channel',
        type: 'single',
        text: it('Da dove arrivano le notizie?', 'Where does the news come from?'),
        required: true,
        options: [
          { id: 'chat', text: it('Chat', 'Chat') },
          { id: 'email', text: it('Posta', 'E-mail') },
        ],
      },
      {
        id: 'ideas',
        type: 'text',
        text: it('Che cosa miglioreresti?', 'What would you improve?'),
        required: false,
        options: [],
      },
    ],
  },
};

export const surveyResults = (overrides: Partial<SurveyResults> = {}): SurveyResults => ({
  surveyId: 's1',
  state: 'open',
  anonymous: true,
  k: 5,
  department: null,
  hidden: false,
  responses: 42,
  audience: 120,
  rate: 0.35,
  departments: [
    { department: 'Area Cultura', hidden: false, responses: 30, headcount: 60, rate: 0.5 },
    { department: 'Area Sport', hidden: true, responses: null, headcount: 20, rate: null },
    { department: 'Area Welfare', hidden: true, responses: null, headcount: 40, rate: null },
  ],
  questions: [
    {
      id: 'informed',
      type: 'scale',
      text: 'Mi sento informato sul programma.',
      answered: 40,
      counts: ['1', '2', '3', '4', '5'].map((value, i) => ({
        value,
        label: value,
        count: [2, 4, 10, 14, 10][i]!,
      })),
      mean: 3.6,
      nps: null,
      texts: null,
      textTotal: null,
    },
    {
      id: 'ideas',
      type: 'text',
      text: 'Che cosa miglioreresti?',
      answered: 12,
      counts: [],
      mean: null,
      nps: null,
      texts: ['Più notizie in chat', '<b>meno</b> posta'],
      textTotal: 12,
    },
  ],
  ...overrides,
});
