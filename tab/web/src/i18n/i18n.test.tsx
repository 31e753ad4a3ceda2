import enUS from './en-US.json';
import itIT from './it-IT.json';
import { resolveLocale, translator } from './i18n';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('tab strings', () => {
  it('has the same keys in Italian and English', () => {
    expect(Object.keys(enUS).sort()).toEqual(Object.keys(itIT).sort());
  });

  it('has no empty string and the same placeholders in both languages', () => {
    for (const [key, italian] of Object.entries(itIT)) {
      const english = (enUS as Record<string, string>)[key] ?? '';
      expect([key, italian.trim() !== '', english.trim() !== '']).toEqual([key, true, true]);
      expect([key, placeholders(english)]).toEqual([key, placeholders(italian)]);
    }
  });

  it('chooses Italian unless the locale is English', () => {
    expect(resolveLocale('en-GB')).toBe('en-US');
    expect(resolveLocale('it')).toBe('it-IT');
    expect(resolveLocale('de-DE')).toBe('it-IT');
    expect(resolveLocale(undefined)).toBe('it-IT');
  });

  it('fills placeholders', () => {
    expect(translator('en-US')('dashboard.note', { k: 5 })).toMatch(/at least 5 people/);
  });
});
