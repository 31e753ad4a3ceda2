import type { Translate } from '../../../core/i18n/translator';
import {
  adaptiveCard,
  executeAction,
  heading,
  paragraph,
  type AdaptiveCard,
} from '../../cards/card';

export const ERASE_VERBS = { confirm: 'privacy.erase', cancel: 'privacy.keep' } as const;

export function eraseConfirmCard(t: Translate): AdaptiveCard {
  return adaptiveCard(
    [heading(t('privacy.erase.confirm.title')), paragraph(t('privacy.erase.confirm.text'))],
    [
      executeAction(t('privacy.erase.action.confirm'), ERASE_VERBS.confirm),
      executeAction(t('privacy.erase.action.cancel'), ERASE_VERBS.cancel),
    ],
  );
}
