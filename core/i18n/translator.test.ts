import { RESOURCES, resolveLocale, translator } from './translator';

const placeholders = (text: string): string[] =>
  [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();

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
