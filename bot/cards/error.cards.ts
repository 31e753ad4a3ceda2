import { z } from 'zod';
import type { DomainError } from '../../core/errors';
import type { Translate } from '../../core/i18n/translator';
import { verb } from '../verbs';
import { adaptiveCard, executeAction, heading, paragraph, type AdaptiveCard } from './card';

/** The Action.Execute a failed card action came from, offered again as it was. */
export interface PressedAction {
  verb: string;
  data: Record<string, unknown>;
}

/** Whatever the failed button carried: it goes back unchanged, and its verb's schema parses it. */
const ANY_DATA = z.record(z.string(), z.unknown());

/** A message the bot could not answer. */
export function turnFailedCard(t: Translate): AdaptiveCard {
  return adaptiveCard([heading(t('error.title')), paragraph(t('error.text'))]);
}

/**
 * Replaces a card whose button failed (store down, conflicts exhausted). It says only what is
 * true either way: what was saved before is safe, this action may not have been; pressing again
 * is safe, since every action stores a repeated press once.
 */
export function actionFailedCard(t: Translate, pressed: PressedAction | undefined): AdaptiveCard {
  return adaptiveCard(
    [heading(t('error.action.title')), paragraph(t('error.action.text'))],
    pressed
      ? [executeAction(t('error.action.retry'), verb(pressed.verb, ANY_DATA), pressed.data)]
      : [],
  );
}

/**
 * Replaces a card whose button was pressed too often: nothing was written, and the same action
 * is offered again for when the wait is over.
 */
export function tooManyRequestsCard(
  t: Translate,
  error: DomainError,
  pressed: PressedAction,
): AdaptiveCard {
  return adaptiveCard(
    [heading(t('limit.tooMany.title')), paragraph(error.describe(t))],
    [executeAction(t('error.action.retry'), verb(pressed.verb, ANY_DATA), pressed.data)],
  );
}
