import type { IdeaPerson } from '../../api/types';
import type { Locale, Translate } from '../../i18n/i18n';

/** A person as an idea shows them: a colleague's name, or «former employee» after erasure. */
export function personName(person: IdeaPerson, t: Translate): string {
  return person.former ? t('ideas.former') : person.displayName;
}

/** The authors of an idea, one after the other in the language's list style. */
export function authorNames(authors: readonly IdeaPerson[], t: Translate, locale: Locale): string {
  return new Intl.ListFormat(locale, { type: 'conjunction' }).format(
    authors.map((a) => personName(a, t)),
  );
}

/** A day, without its time (a call's dates, an idea's). */
export function formatDay(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long' }).format(new Date(iso));
}

/** A call's last day: it closes at the start of the next one. */
export function lastDay(closesAt: string): string {
  return new Date(new Date(closesAt).getTime() - 1).toISOString();
}
