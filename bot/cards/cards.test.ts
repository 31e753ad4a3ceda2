import { translator } from '../../core/i18n/translator';
import { LOCALES } from '../../core/directory/person';
import { helpCommand } from '../features/help/help.command';
import { helpCard, unknownCommandCard } from '../features/help/help.cards';
import { welcomeCard } from '../features/welcome/welcome.cards';
import type { AdaptiveCard } from './card';
import { cardProblems } from './card-validation';

describe.each(LOCALES)('cards in %s', (locale) => {
  const t = translator(locale);
  const cards: [string, AdaptiveCard][] = [
    ['welcome, personal, known', welcomeCard({ t, firstName: 'Giulia', scope: 'personal' })],
    ['welcome, personal, unknown', welcomeCard({ t, scope: 'personal' })],
    ['welcome, team', welcomeCard({ t, scope: 'team' })],
    ['help', helpCard(t, [helpCommand(() => [])])],
    ['unknown command', unknownCommandCard(t)],
  ];

  it.each(cards)('%s parses without errors at schema 1.5', (_name, card) => {
    expect(card.version).toBe('1.5');
    expect(cardProblems(card)).toEqual([]);
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
    });
    expect(cardProblems(big)).toEqual([expect.stringMatching(/over 40960/)]);
  });
});
