import type { Translate } from '../../../core/i18n/translator';
import {
  adaptiveCard,
  heading,
  paragraph,
  executeAction,
  type AdaptiveCard,
} from '../../cards/card';
import { VERBS } from '../assessment/assessment.verbs';
import { HELP_VERB } from '../help/help.command';

export interface WelcomeView {
  t: Translate;
  /** First name of a known employee; absent for people not (yet) in the directory. */
  firstName?: string;
  scope: 'personal' | 'team';
  /** The smallest group whose aggregates managers see (the campaign's locked threshold). */
  k: number;
}

export function welcomeCard({ t, firstName, scope, k }: WelcomeView): AdaptiveCard {
  const greeting = firstName
    ? t('welcome.greeting.named', { name: firstName })
    : t('welcome.greeting');
  const body = [
    heading(greeting),
    paragraph(t(scope === 'personal' ? 'welcome.intro.personal' : 'welcome.intro.team')),
    {
      type: 'Container',
      style: 'emphasis',
      items: [
        paragraph(t('privacy.short.title'), { weight: 'Bolder' }),
        paragraph(t('privacy.short.text', { k }), { size: 'Small' }),
      ],
    },
  ];
  const privacyDetails = adaptiveCard([
    paragraph(t('privacy.purpose')),
    paragraph(t('privacy.visibility', { k })),
    paragraph(t('privacy.retention')),
    paragraph(t('privacy.rights')),
  ]);
  return adaptiveCard(body, [
    ...(scope === 'personal' ? [executeAction(t('welcome.action.assessment'), VERBS.open)] : []),
    executeAction(t('welcome.action.help'), HELP_VERB),
    { type: 'Action.ShowCard', title: t('welcome.action.privacy'), card: privacyDetails },
  ]);
}
