import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  Select,
  Subtitle2,
  Text,
} from '@fluentui/react-components';
import { useCallback, useState } from 'react';
import { useLabsApi } from '../../api/labs';
import type { Lab } from '../../api/types';
import { useLoad } from '../../api/use-api';
import { useI18n } from '../../i18n/i18n';
import { ErrorBar } from '../ErrorBar/ErrorBar';
import { useLabPageStyles } from './LabPage.styles';
import type { LabWrites } from './use-lab';

/** The lab's channel: where it is linked now, and a picker of the teams and channels the bot knows. */
export function ChannelLink({
  lab,
  writes,
  busy,
}: {
  lab: Lab;
  writes: LabWrites;
  busy: string | null;
}) {
  const { t } = useI18n();
  const api = useLabsApi();
  const styles = useLabPageStyles();
  const load = useCallback(() => api.knownTeams(), [api]);
  const [known, reload] = useLoad(load);
  const [teamId, setTeamId] = useState(lab.channel?.teamId ?? '');
  const [channelId, setChannelId] = useState(lab.channel?.channelId ?? '');
  const teams = known.state === 'loaded' ? known.value.teams : [];
  const team = teams.find((x) => x.teamId === teamId);
  const unchanged = lab.channel?.teamId === teamId && lab.channel?.channelId === channelId;
  const link = () =>
    void writes.lab('channel', async (a) => {
      await a.linkChannel(lab.id, { teamId, channelId });
      return a.lab(lab.id);
    });
  return (
    <section className={styles.form} aria-labelledby="lab-channel">
      <Subtitle2 as="h3" id="lab-channel">
        {t('labs.channel.heading')}
      </Subtitle2>
      <Text as="p" block>
        {lab.channel
          ? t('labs.channel.linked', {
              channel: lab.channel.channelName ?? lab.channel.channelId,
              team: lab.channel.teamName ?? lab.channel.teamId,
            })
          : t('labs.channel.none')}
      </Text>
      {lab.channel && !lab.channel.available && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{t('labs.channel.unavailable')}</MessageBarBody>
        </MessageBar>
      )}
      {known.state === 'failed' && <ErrorBar error={known.error} onRetry={reload} />}
      {known.state === 'loaded' && teams.length === 0 && (
        <Text as="p" block>
          {t('labs.channel.noTeams')}
        </Text>
      )}
      {teams.length > 0 && (
        <>
          <Field label={t('labs.channel.team')}>
            <Select
              value={teamId}
              onChange={(_e, d) => {
                setTeamId(d.value);
                setChannelId('');
              }}
            >
              <option value="">{t('labs.channel.chooseTeam')}</option>
              {teams.map((x) => (
                <option key={x.teamId} value={x.teamId}>
                  {x.name ?? x.teamId}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t('labs.channel.channel')}>
            <Select value={channelId} disabled={!team} onChange={(_e, d) => setChannelId(d.value)}>
              <option value="">{t('labs.channel.chooseChannel')}</option>
              {team?.channels.map((c) => (
                <option key={c.channelId} value={c.channelId}>
                  {c.name ?? t('labs.channel.general')}
                </option>
              ))}
            </Select>
          </Field>
          <div>
            <Button
              appearance="primary"
              disabled={busy !== null || !teamId || !channelId || unchanged}
              onClick={link}
            >
              {t('labs.channel.link')}
            </Button>
          </div>
        </>
      )}
    </section>
  );
}
