import {
  Checkbox,
  Link,
  Radio,
  RadioGroup,
  Spinner,
  Text,
  Title2,
} from '@fluentui/react-components';
import { useCallback, useEffect, useRef, useState } from 'react';
import { labTabPath } from '../../../../../core/tab-pages';
import { useLabsApi } from '../../api/labs';
import type { LabSummary } from '../../api/types';
import { useLoad } from '../../api/use-api';
import { useI18n } from '../../i18n/i18n';
import { useTeams, type ChannelTabSetting } from '../../teams/teams-context';
import { ErrorBar } from '../ErrorBar/ErrorBar';
import { useChannelTabConfigStyles } from './ChannelTabConfig.styles';

/** What the saved channel tab opens: the lab's board, at this same server. */
export function channelTabSetting(
  lab: Pick<LabSummary, 'id' | 'title'>,
  origin: string,
): ChannelTabSetting {
  const url = new URL(labTabPath(lab.id), origin).href;
  return {
    entityId: `lab-${lab.id}`,
    contentUrl: url,
    websiteUrl: url,
    suggestedDisplayName: lab.title,
  };
}

/**
 * The channel tab's configuration page: a lead picks one of their labs, which enables Teams'
 * Save; the tab then opens that lab's board. It can also link the lab to this channel for its
 * updates. Outside Teams the same page links to the lab's board by URL.
 */
export function ChannelTabConfig() {
  const { t } = useI18n();
  const { tabConfig } = useTeams();
  const api = useLabsApi();
  const styles = useChannelTabConfigStyles();
  const load = useCallback(() => api.list({ mine: 'lead' }), [api]);
  const [labs, reload] = useLoad(load);
  const [chosen, setChosen] = useState<LabSummary | null>(null);
  const [link, setLink] = useState(true);
  const here = tabConfig?.channel ?? null;
  const linkedHere =
    !!chosen?.channel &&
    chosen.channel.teamId === here?.teamId &&
    chosen.channel.channelId === here?.channelId;
  const offerLink = here !== null && chosen !== null && !linkedHere;

  // Teams asks for the setting on Save: it reads the latest choice.
  const latest = useRef({ chosen, link: offerLink && link });
  latest.current = { chosen, link: offerLink && link };
  useEffect(() => {
    if (!tabConfig) return;
    tabConfig.setValid(false);
    tabConfig.onSave(async () => {
      const { chosen: lab, link: linking } = latest.current;
      if (!lab) throw new Error('no lab chosen');
      if (linking && tabConfig.channel) await api.linkChannel(lab.id, tabConfig.channel);
      return channelTabSetting(lab, window.location.origin);
    });
  }, [tabConfig, api]);

  const choose = (id: string) => {
    const lab = labs.state === 'loaded' ? labs.value.labs.find((l) => l.id === id) : undefined;
    setChosen(lab ?? null);
    setLink(!lab?.channel);
    tabConfig?.setValid(lab !== undefined);
  };

  return (
    <main className={styles.root}>
      <Title2 as="h1">{t('labs.config.heading')}</Title2>
      <Text as="p" block>
        {t(tabConfig ? 'labs.config.intro' : 'labs.config.introBrowser')}
      </Text>
      {labs.state === 'loading' && <Spinner label={t('app.loading')} />}
      {labs.state === 'failed' && <ErrorBar error={labs.error} onRetry={reload} />}
      {labs.state === 'loaded' &&
        (labs.value.labs.length === 0 ? (
          <Text as="p">{t('labs.config.none')}</Text>
        ) : (
          <RadioGroup
            aria-label={t('labs.config.choose')}
            value={chosen?.id ?? ''}
            onChange={(_e, d) => choose(d.value)}
          >
            {labs.value.labs.map((lab) => (
              <Radio key={lab.id} value={lab.id} label={`${lab.title} · ${lab.theme.title}`} />
            ))}
          </RadioGroup>
        ))}
      {offerLink && (
        <Checkbox
          checked={link}
          onChange={(_e, d) => setLink(d.checked === true)}
          label={
            chosen?.channel
              ? t('labs.config.relink', {
                  channel: chosen.channel.channelName ?? chosen.channel.channelId,
                })
              : t('labs.config.link')
          }
        />
      )}
      {!tabConfig && chosen && (
        <Link href={labTabPath(chosen.id)}>{t('labs.config.open', { title: chosen.title })}</Link>
      )}
    </main>
  );
}
