import { Button, Field, Select, Subtitle2, Text } from '@fluentui/react-components';
import { useCallback, useState } from 'react';
import { useLabsApi } from '../../api/labs';
import { usePostsApi } from '../../api/posts';
import type { KnownTeam, LabChannelLink, PostChannels } from '../../api/types';
import { useAction, useLoad } from '../../api/use-api';
import { useI18n } from '../../i18n/i18n';
import { ErrorBar } from '../ErrorBar/ErrorBar';
import { useWorkspaceStyles } from '../Workspace/Workspace.styles';

type Which = keyof PostChannels;
const WHICH: readonly Which[] = ['facilitators', 'organisation'];
const key = (link: LabChannelLink | null) => (link ? `${link.teamId}|${link.channelId}` : '');

/** The team's channels as "team · channel" choices. */
function options(teams: readonly KnownTeam[], general: string) {
  return teams.flatMap((team) =>
    team.channels.map((channel) => ({
      value: `${team.teamId}|${channel.channelId}`,
      label: `${team.name ?? team.teamId} · ${channel.name ?? general}`,
    })),
  );
}

/** Admins: the facilitators' and the organisation's channels that announcements are posted to. */
export function AnnouncementChannels() {
  const { t } = useI18n();
  const styles = useWorkspaceStyles();
  const posts = usePostsApi();
  const labs = useLabsApi();
  const load = useCallback(
    async () => ({ chosen: await posts.channels(), teams: (await labs.knownTeams()).teams }),
    [posts, labs],
  );
  const [state, reload, set] = useLoad(load);
  const [choice, setChoice] = useState<Partial<Record<Which, string>>>({});
  const action = useAction<'save'>();
  if (state.state === 'loading') return null;
  if (state.state === 'failed') return <ErrorBar error={state.error} onRetry={reload} />;
  const { chosen, teams } = state.value;
  const value = (which: Which) => choice[which] ?? key(chosen[which]);
  const linkOf = (which: Which): LabChannelLink | null => {
    const [teamId, channelId] = value(which).split('|');
    return teamId && channelId ? { teamId, channelId } : null;
  };
  const save = () =>
    void action.run('save', async () => {
      const saved = await posts.chooseChannels({
        facilitators: linkOf('facilitators'),
        organisation: linkOf('organisation'),
      });
      set({ chosen: saved, teams });
      setChoice({});
    });
  return (
    <section className={styles.root} aria-labelledby="announcement-channels">
      <Subtitle2 as="h3" id="announcement-channels">
        {t('workspace.channels.heading')}
      </Subtitle2>
      {teams.length === 0 ? (
        <Text as="p">{t('workspace.channels.noTeams')}</Text>
      ) : (
        <div className={styles.filters}>
          {WHICH.map((which) => (
            <Field
              key={which}
              label={t(`workspace.publish.channel.${which}`)}
              className={styles.search}
            >
              <Select
                value={value(which)}
                onChange={(_e, d) => setChoice((now) => ({ ...now, [which]: d.value }))}
              >
                <option value="">{t('workspace.channels.none')}</option>
                {options(teams, t('labs.channel.general')).map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.label}
                  </option>
                ))}
              </Select>
            </Field>
          ))}
          <Button disabled={action.busy !== null} onClick={save}>
            {t('workspace.channels.save')}
          </Button>
        </div>
      )}
      {action.error !== null && <ErrorBar error={action.error} refusal />}
    </section>
  );
}
