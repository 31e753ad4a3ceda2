import type restify from 'restify';
import type { Locale } from '../../core/directory/person';
import { resolveLocale } from '../../core/i18n/translator';

/** The caller's language, from the first tag of Accept-Language (browsers and Teams send it). */
export function requestLocale(req: restify.Request): Locale {
  return resolveLocale(req.header('accept-language')?.split(',')[0]);
}

/** RFC 9457 problem details: the one error shape of the tab API. */
export function sendProblem(
  res: restify.Response,
  status: number,
  title: string,
  extra: Record<string, unknown> = {},
): void {
  res.status(status);
  res.setHeader('content-type', 'application/problem+json');
  res.end(JSON.stringify({ type: 'about:blank', title, status, ...extra }));
}
