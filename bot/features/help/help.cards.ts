import type { Translate } from '../../../core/i18n/translator';
import { adaptiveCard, heading, paragraph, type AdaptiveCard } from '../../cards/card';
import type { CommandSpec } from '../../commands';

export function helpCard(t: Translate, commands: readonly CommandSpec[]): AdaptiveCard {
  return adaptiveCard([
    heading(t('help.title')),
    paragraph(t('help.intro')),
    {
      type: 'FactSet',
      facts: commands.map((command) => ({
        title: t(command.usageKey),
        value: t(command.descriptionKey),
      })),
    },
    paragraph(t('help.footer'), { isSubtle: true, size: 'Small' }),
  ]);
}
