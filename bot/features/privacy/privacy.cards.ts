import type { Translate } from '../../../core/i18n/translator';
import {
  adaptiveCard,
  executeAction,
  heading,
  paragraph,
  type AdaptiveCard,
} from '../../cards/card';
import { PRIVACY_VERBS } from './privacy.verbs';

export function eraseConfirmCard(t: Translate): AdaptiveCard {
  return adaptiveCard(
    [
      heading(t('privacy.erase.confirm.title')),
      paragraph(t('privacy.erase.confirm.text')),
      paragraph(t('privacy.ideas')),
    ],
    [
      executeAction(t('privacy.erase.action.confirm'), PRIVACY_VERBS.erase),
      executeAction(t('privacy.erase.action.cancel'), PRIVACY_VERBS.keep),
    ],
  );
}
