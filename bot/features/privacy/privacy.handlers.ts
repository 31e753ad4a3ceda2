import type { Questionnaire } from '../../../core/assessment/questionnaire';
import type { PrivacyService } from '../../../core/privacy/privacy.service';
import { onVerb, replaceCard, type CardAction } from '../../card-actions';
import { DELETION_WORDS, type Command, type CommandSpec } from '../../commands';
import { noticeCard } from '../../cards/card';
import { tabPageUrl } from '../../cards/links';
import { myDataCard, MyDataSchema } from './my-data.cards';
import { eraseConfirmCard } from './privacy.cards';
import { PRIVACY_VERBS } from './privacy.verbs';

export const EXPORT_COMMAND: CommandSpec = {
  id: 'export',
  patterns: [/^(i miei dati|miei dati|my data|export my data|esporta i miei dati)$/],
  phrases: [
    new RegExp(
      String.raw`^(?!.*\b(${DELETION_WORDS})).*\b(miei dati|my data|esport\w*|export|scaric\w*|download)\b`,
    ),
  ],
  usageKey: 'privacy.export.usage',
  descriptionKey: 'privacy.export.description',
  personalOnly: true,
};

export const ERASE_COMMAND: CommandSpec = {
  id: 'erase',
  patterns: [/^(cancella i miei dati|elimina i miei dati|delete my data|erase my data)$/],
  // Only ever shows the confirmation card: nothing is erased without the explicit button.
  phrases: [
    new RegExp(
      String.raw`\b(${DELETION_WORDS})\w*\b.*\b(dati|data|risposte|answers|risultat[oi]|results?)\b`,
    ),
  ],
  usageKey: 'privacy.erase.usage',
  descriptionKey: 'privacy.erase.description',
  personalOnly: true,
};

/** `teamsAppId`: the summary links to the tab's "my data" place; without it, no link. */
export function privacyCommands(
  privacy: PrivacyService,
  questionnaire: Questionnaire,
  teamsAppId: string | undefined,
): Command[] {
  return [
    {
      ...EXPORT_COMMAND,
      run: async (turn) => {
        if (!turn.objectId) return turn.sendCard(noticeCard(turn.t('assessment.unidentified')));
        const data = MyDataSchema.parse(await privacy.export(turn.objectId));
        const tabUrl = teamsAppId && tabPageUrl(teamsAppId, 'my-data');
        await turn.sendCard(
          myDataCard({ t: turn.t, locale: turn.locale, questionnaire, tabUrl }, data),
        );
      },
    },
    { ...ERASE_COMMAND, run: (turn) => turn.sendCard(eraseConfirmCard(turn.t)) },
  ];
}

export function privacyActions(privacy: PrivacyService): CardAction[] {
  return [
    onVerb(
      PRIVACY_VERBS.erase,
      async (turn) => {
        if (!turn.objectId) return replaceCard(noticeCard(turn.t('assessment.unidentified')));
        await privacy.erase(turn.objectId);
        return replaceCard(noticeCard(turn.t('privacy.erase.done')));
      },
      { personalOnly: true, limited: 'erasure' },
    ),
    onVerb(
      PRIVACY_VERBS.keep,
      async (turn) => replaceCard(noticeCard(turn.t('privacy.erase.cancelled'))),
      { personalOnly: true },
    ),
  ];
}
