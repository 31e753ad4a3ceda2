import {
  TeamsActivityHandler,
  TurnContext,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
} from 'botbuilder';
import type { Logger } from 'pino';
import type { ConversationRefsRepository } from '../core/conversations/conversation-refs.repository';
import type { DirectoryService } from '../core/directory/directory.service';
import { resolveLocale, translator } from '../core/i18n/translator';
import { TooManyRequestsError, type AbuseLimits } from '../core/util/abuse-limits';
import { badRequest, replaceCard, type CardAction } from './card-actions';
import { noticeCard } from './cards/card';
import { tooManyRequestsCard } from './cards/error.cards';
import { findCommand, type Command } from './commands';
import { conversationScope, rememberConversation } from './conversation-refs';
import { personalOnlyCard } from './features/help/help.cards';
import type { TeamRegistry } from './team-registry';
import { helpAction, helpCommand } from './features/help/help.command';
import { welcomeCard } from './features/welcome/welcome.cards';
import { sendCardWith, TURN_LOCALE, type TurnScope } from './turn';

export interface BotDeps {
  directory: DirectoryService;
  conversationRefs: ConversationRefsRepository;
  logger: Logger;
  /** The group size below which aggregates are hidden, as promised to people (locked per campaign). */
  privacyThreshold: () => Promise<number>;
  /** Feature commands; `help` is added here and lists them all. */
  commands?: readonly Command[];
  cardActions?: readonly CardAction[];
  limits: AbuseLimits;
  /** Keeps the teams and channels the bot is in current (channel posts need them). */
  teams?: TeamRegistry;
}

/** A thin router: work happens in the feature handlers under `bot/features/`. */
export class OiboBot extends TeamsActivityHandler {
  private readonly commands: readonly Command[];
  private readonly cardActions: ReadonlyMap<string, CardAction>;

  constructor(private readonly deps: BotDeps) {
    super();
    const features = deps.commands ?? [];
    this.commands = [...features, helpCommand(() => this.commands)];
    const actions = [...(deps.cardActions ?? []), helpAction(() => this.commands)];
    this.cardActions = new Map(actions.map((action) => [action.verb, action]));
    deps.teams?.attach(this);

    this.onMessage(async (context, next) => {
      const [turn] = await Promise.all([
        this.scope(context),
        rememberConversation(deps.conversationRefs, context.activity),
        deps.teams?.heard(context),
      ]);
      const text = TurnContext.removeRecipientMention(context.activity) ?? '';
      const command = findCommand(this.commands, text);
      deps.logger.debug({ command: command?.id ?? 'unknown' }, 'message');
      if (!command) {
        const personal = turn.conversationType === 'personal';
        await turn.sendCard(noticeCard(turn.t(personal ? 'unknown.text' : 'unknown.text.group')));
      } else if (command.personalOnly && turn.conversationType !== 'personal') {
        await turn.sendCard(personalOnlyCard(turn.t, context.activity.recipient?.id));
      } else await command.run(turn);
      await next();
    });

    this.onInstallationUpdateAdd(async (context, next) => {
      await rememberConversation(deps.conversationRefs, context.activity);
      await next();
    });

    this.onMembersAdded(async (context, next) => {
      const recipientId = context.activity.recipient.id;
      if (context.activity.membersAdded?.some((member) => member.id === recipientId)) {
        const [turn, k] = await Promise.all([
          this.scope(context),
          deps.privacyThreshold(),
          rememberConversation(deps.conversationRefs, context.activity),
        ]);
        const firstName = turn.person?.displayName.split(' ')[0];
        await turn.sendCard(
          welcomeCard({
            t: turn.t,
            scope: turn.conversationType,
            k,
            botId: recipientId,
            ...(firstName ? { firstName } : {}),
          }),
        );
      }
      await next();
    });
  }

  protected override async onAdaptiveCardInvoke(
    context: TurnContext,
    invokeValue: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    const action = this.cardActions.get(invokeValue.action?.verb ?? '');
    if (!action) return badRequest(`Unknown verb "${invokeValue.action?.verb ?? ''}"`);
    const turn = await this.scope(context);
    const work = action.bind(invokeValue.action.data ?? {});
    // A tampered or outdated card: say so on the card itself, write nothing.
    if (!work) return replaceCard(noticeCard(turn.t('card.invalid')));
    if (action.personalOnly && turn.conversationType !== 'personal') {
      return replaceCard(personalOnlyCard(turn.t, context.activity.recipient?.id));
    }
    if (action.limited && turn.objectId) {
      try {
        this.deps.limits.admit(action.limited, turn.objectId);
      } catch (error) {
        if (!(error instanceof TooManyRequestsError)) throw error;
        const pressed = { verb: action.verb, data: invokeValue.action.data ?? {} };
        return replaceCard(tooManyRequestsCard(turn.t, error, pressed));
      }
    }
    return work(turn);
  }

  private async scope(context: TurnContext): Promise<TurnScope> {
    const { activity } = context;
    const person = activity.from?.aadObjectId
      ? await this.deps.directory.find({ objectId: activity.from.aadObjectId })
      : undefined;
    // The directory's language (from HR) wins over the client's: Teams clients, and the
    // Playground always, report en-US for many Italian-speaking employees.
    const locale = person?.locale ?? resolveLocale(activity.locale);
    context.turnState.set(TURN_LOCALE, locale);
    return {
      context,
      locale,
      t: translator(locale),
      objectId: activity.from?.aadObjectId?.toLowerCase(),
      person,
      conversationType: conversationScope(activity),
      sendCard: sendCardWith(context),
    };
  }
}
