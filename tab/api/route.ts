import type restify from 'restify';
import type { Locale } from '../../core/directory/person';
import type { Identity } from './auth/identity';

/** What a tab API handler gets: the authenticated caller, their language and the exchange. */
export interface Call {
  identity: Identity;
  locale: Locale;
  req: restify.Request;
  res: restify.Response;
}

export type Handler = (call: Call) => Promise<void>;

/** Wraps a handler: authenticates first and answers errors as localised problem+json. */
export type Route = (handler: Handler) => restify.RequestHandler;
