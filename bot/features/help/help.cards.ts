import type { ConversationScope } from '../../../core/conversations/conversation-ref';
import type { Translate } from '../../../core/i18n/translator';
import { adaptiveCard, heading, paragraph, type AdaptiveCard } from '../../cards/card';
import type { CommandSpec } from '../../commands';
import { openUrlAction, personalChatUrl } from '../../cards/links';

export interface HelpView {
  t: Translate;
  commands: readonly CommandSpec[];
  scope: ConversationScope;
  /** The bot's own id (`28:…`), to link a group to the private chat. */
  botId?: string;
}

/**
 * The commands that work where help was asked: a group sees only those it can use (personal
 * ones would be refused there) and is addressed as a group, with the way to the 1:1 chat.
 */
export function helpCard({ t, commands, scope, botId }: HelpView): AdaptiveCard {
  const personal = scope === 'personal';
  const usable = personal ? commands : commands.filter((command) => !command.personalOnly);
  const hidden = usable.length < commands.length;
  return adaptiveCard(
    [
      heading(t('help.title')),
      paragraph(t(personal ? 'help.intro' : 'help.intro.group')),
      {
        type: 'FactSet',
        facts: usable.map((command) => ({
          title: t(command.usageKey),
          value: t(command.descriptionKey),
        })),
      },
      ...(hidden ? [paragraph(t('help.personalOnly'))] : []),
      paragraph(t(personal ? 'help.footer' : 'help.footer.group'), {
        isSubtle: true,
        size: 'Small',
      }),
    ],
    hidden && botId
      ? [openUrlAction(t('welcome.action.personalChat'), personalChatUrl(botId))]
      : [],
  );
}

/** A personal command asked where others read: refused, with the way to the 1:1 chat. */
export function personalOnlyCard(t: Translate, botId: string | undefined): AdaptiveCard {
  return adaptiveCard(
    [paragraph(t('command.personalOnly'))],
    botId ? [openUrlAction(t('welcome.action.personalChat'), personalChatUrl(botId))] : [],
  );
}
