import en from '../../content/i18n/en-US.json';
import it from '../../content/i18n/it-IT.json';
import { DEFAULT_LOCALE, LOCALES, type Locale } from '../directory/person';

export type MessageKey = keyof typeof it;
export type Messages = Record<MessageKey, string>;
export type Params = Record<string, string | number>;

export const RESOURCES: Record<Locale, Messages> = { 'it-IT': it, 'en-US': en };

export type Translate = (key: MessageKey, params?: Params) => string;

/** Picks the closest supported locale for a Teams locale tag ("it", "en-GB", "it-it", …). */
export function resolveLocale(tag: string | undefined): Locale {
  const language = tag?.toLowerCase().split(/[-_]/)[0];
  return (
    LOCALES.find((locale) => locale.toLowerCase().startsWith(`${language}-`)) ?? DEFAULT_LOCALE
  );
}

/** A branch's text may hold `{name}` placeholders, filled after the branch is chosen. */
const TEXT = String.raw`(?:[^{}]|\{\w+\})*`;
const SELECTOR = String.raw`=\d+|zero|one|two|few|many|other`;
const PLURAL = new RegExp(
  String.raw`\{(\w+), plural,((?:\s*(?:${SELECTOR})\s*\{${TEXT}\})+)\s*\}`,
  'g',
);
const BRANCH = new RegExp(String.raw`(${SELECTOR})\s*\{(${TEXT})\}`, 'g');

/**
 * Fills `{name}` placeholders and ICU-style plurals, `{count, plural, =0 {…} one {# item} other
 * {# items}}`: an exact `=n` branch first, then the locale's plural category (Intl.PluralRules),
 * then `other`; `#` is the number. A branch may hold placeholders, not another plural.
 */
export function translator(locale: Locale): Translate {
  const messages = RESOURCES[locale];
  const rules = new Intl.PluralRules(locale);
  return (key, params) =>
    messages[key]
      .replace(PLURAL, (match, name: string, branches: string) => {
        const value = params?.[name];
        if (typeof value !== 'number') return match;
        const options = new Map(
          [...branches.matchAll(BRANCH)].map(([, selector, text]) => [selector!, text!]),
        );
        const chosen =
          options.get(`=${value}`) ?? options.get(rules.select(value)) ?? options.get('other');
        return chosen === undefined ? match : chosen.replace(/#/g, String(value));
      })
      .replace(/\{(\w+)\}/g, (match, name: string) =>
        params && name in params ? String(params[name]) : match,
      );
}
