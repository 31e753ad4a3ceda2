import type { ConversationScope } from '../../../core/conversations/conversation-ref';
import type { Translate } from '../../../core/i18n/translator';
import {
  adaptiveCard,
  heading,
  paragraph,
  executeAction,
  type AdaptiveCard,
  type CardElement,
} from '../../cards/card';
import { openUrlAction, personalChatUrl } from '../../cards/links';
import { ASSESSMENT_VERBS } from '../assessment/assessment.verbs';
import { HELP_VERBS } from '../help/help.verbs';

export interface WelcomeView {
  t: Translate;
  /** First name of a known employee; absent for people not (yet) in the directory. */
  firstName?: string;
  scope: ConversationScope;
  /** The smallest group whose aggregates managers see (the campaign's locked threshold). */
  k: number;
  /** The bot's own id (`28:…`), to link a group to each person's private chat with óiBO. */
  botId?: string;
}

export function welcomeCard(view: WelcomeView): AdaptiveCard {
  return view.scope === 'personal' ? personalWelcome(view) : groupWelcome(view);
}

/** The first card a person sees: the privacy summary, addressed to them ("tu"). */
function personalWelcome({ t, firstName, k }: WelcomeView): AdaptiveCard {
  const greeting = firstName
    ? t('welcome.greeting.named', { name: firstName })
    : t('welcome.greeting');
  const privacyDetails = adaptiveCard([
    paragraph(t('privacy.purpose')),
    paragraph(t('privacy.visibility', { k })),
    paragraph(t('privacy.retention')),
    paragraph(t('privacy.ideas')),
    paragraph(t('privacy.rights')),
  ]);
  return adaptiveCard(
    [
      heading(greeting),
      paragraph(t('welcome.intro.personal')),
      privacyBox(t('privacy.short.title'), t('privacy.short.text', { k })),
    ],
    [
      executeAction(t('welcome.action.assessment'), ASSESSMENT_VERBS.open),
      executeAction(t('welcome.action.help'), HELP_VERBS.show),
      { type: 'Action.ShowCard', title: t('welcome.action.privacy'), card: privacyDetails },
    ],
  );
}

/**
 * A team channel or group chat: everyone reads it, so it speaks to the group ("voi"), greets
 * nobody by name, and says that personal data stays in each person's 1:1 chat.
 */
function groupWelcome({ t, scope, k, botId }: WelcomeView): AdaptiveCard {
  return adaptiveCard(
    [
      heading(t('welcome.greeting.group')),
      paragraph(t(scope === 'channel' ? 'welcome.intro.channel' : 'welcome.intro.groupChat')),
      privacyBox(t('privacy.group.title'), t('privacy.group.text', { k })),
    ],
    [
      executeAction(t('welcome.action.help'), HELP_VERBS.show),
      ...(botId ? [openUrlAction(t('welcome.action.personalChat'), personalChatUrl(botId))] : []),
    ],
  );
}

function privacyBox(title: string, text: string): CardElement {
  return {
    type: 'Container',
    style: 'emphasis',
    items: [paragraph(title, { weight: 'Bolder' }), paragraph(text, { size: 'Small' })],
  };
}
