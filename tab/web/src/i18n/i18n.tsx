import { createContext, useContext, useMemo, type ReactNode } from 'react';
import enUS from './en-US.json';
import itIT from './it-IT.json';

export type Locale = 'it-IT' | 'en-US';
export type MessageKey = keyof typeof itIT;
export type Messages = Record<MessageKey, string>;
export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

/** Both catalogues typed by the Italian one: a key missing in English fails the type check. */
export const catalogs: Record<Locale, Messages> = { 'it-IT': itIT, 'en-US': enUS };

/** Italian first: English only for an English locale, Italian for every other one. */
export function resolveLocale(tag: string | null | undefined): Locale {
  return tag?.toLowerCase().startsWith('en') ? 'en-US' : 'it-IT';
}

export function translator(locale: Locale): Translate {
  const messages = catalogs[locale];
  return (key, vars = {}) =>
    messages[key].replace(/\{(\w+)\}/g, (match, name: string) =>
      name in vars ? String(vars[name]) : match,
    );
}

export function isMessageKey(key: string): key is MessageKey {
  return key in itIT;
}

interface I18n {
  locale: Locale;
  t: Translate;
}

const I18nContext = createContext<I18n>({ locale: 'it-IT', t: translator('it-IT') });

export function I18nProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  const value = useMemo(() => ({ locale, t: translator(locale) }), [locale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  return useContext(I18nContext);
}
