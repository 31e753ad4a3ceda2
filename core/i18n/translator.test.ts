import { LOCALES } from '../directory/person';
import { RESOURCES, resolveLocale, translator, type MessageKey } from './translator';

/** The parameters a message uses: `{name}` and the `{name, plural, …}` selectors. */
const placeholders = (text: string): string[] =>
  [...new Set([...text.matchAll(/\{(\w+)(?:\}|, plural,)/g)].map((m) => m[1]!))].sort();

describe('translations', () => {
  it('have the same keys in Italian and English', () => {
    expect(Object.keys(RESOURCES['en-US']).sort()).toEqual(Object.keys(RESOURCES['it-IT']).sort());
  });

  it('have no empty strings and the same placeholders in both languages', () => {
    for (const [key, italian] of Object.entries(RESOURCES['it-IT'])) {
      const english = RESOURCES['en-US'][key as keyof (typeof RESOURCES)['en-US']];
      expect(italian.trim()).not.toBe('');
      expect(english.trim()).not.toBe('');
      expect({ key, placeholders: placeholders(english) }).toEqual({
        key,
        placeholders: placeholders(italian),
      });
    }
  });

  it('fills placeholders', () => {
    expect(translator('en-US')('welcome.greeting.named', { name: 'Giulia' })).toBe(
      'Hi Giulia, welcome to óiBO!',
    );
  });

  it.each([
    [0, 'Mancano 0 risposte'],
    [1, 'Manca 1 risposta'],
    [2, 'Mancano 2 risposte'],
  ])('agrees with %i in Italian', (missing, expected) => {
    expect(translator('it-IT')('assessment.review.unanswered', { missing })).toMatch(
      new RegExp(`^${expected}:`),
    );
  });

  it('chooses plurals by the English rules and fills placeholders inside a branch', () => {
    const t = translator('en-US');
    expect(t('assessment.review.answered', { answered: 1, total: 37 })).toBe(
      'You answered 1 question of 37.',
    );
    expect(t('assessment.review.answered', { answered: 21, total: 37 })).toBe(
      'You answered 21 questions of 37.',
    );
  });

  it('leaves no plural unresolved in any message given numbers', () => {
    for (const locale of LOCALES) {
      const t = translator(locale);
      for (const [key, text] of Object.entries(RESOURCES[locale])) {
        const params = Object.fromEntries(placeholders(text).map((name) => [name, 1]));
        expect({ key, text: t(key as MessageKey, params) }).toEqual({
          key,
          text: expect.not.stringMatching(/[{}]/),
        });
      }
    }
  });

  it.each([
    ['it-IT', 'it-IT'],
    ['it', 'it-IT'],
    ['en-GB', 'en-US'],
    ['en-us', 'en-US'],
    ['fr-FR', 'it-IT'],
    [undefined, 'it-IT'],
  ])('maps the Teams locale %s to %s', (tag, expected) => {
    expect(resolveLocale(tag)).toBe(expected);
  });
});
