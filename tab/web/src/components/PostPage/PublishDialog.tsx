import { Checkbox, Field, Radio, RadioGroup, Text } from '@fluentui/react-components';
import { useId, useState } from 'react';
import type { PostAudience, PostPublication } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { ActionDialog } from '../ActionDialog/ActionDialog';
import { DepartmentPicker } from '../DepartmentPicker/DepartmentPicker';
import { usePostPageStyles } from './PostPage.styles';

type Channel = 'facilitators' | 'organisation';
type ChatAudience = 'none' | PostAudience['kind'];

/**
 * What publishing announces: a card in the facilitators' and/or the organisation's channel, a 1:1
 * card to everyone, the facilitators or the people of the chosen departments.
 */
export function publicationOf(
  channels: readonly Channel[],
  chat: ChatAudience,
  departments: readonly string[] = [],
): PostPublication {
  const announce: NonNullable<PostPublication['announce']> = {};
  if (channels.length > 0) announce.channels = [...channels];
  if (chat === 'departments') announce.chat = { kind: chat, departments: [...departments] };
  else if (chat !== 'none') announce.chat = { kind: chat };
  return Object.keys(announce).length > 0 ? { announce } : {};
}

/**
 * Publishes a draft, asking where to announce it (chosen departments: at least one before it
 * publishes). The server's refusal stays inside.
 */
export function PublishDialog({
  busy,
  error,
  onClose,
  onPublish,
}: {
  busy: boolean;
  error: unknown;
  onClose: () => void;
  onPublish: (publication: PostPublication) => void;
}) {
  const { t } = useI18n();
  const styles = usePostPageStyles();
  const ids = useId();
  const [channels, setChannels] = useState<Channel[]>([]);
  const [chat, setChat] = useState<ChatAudience>('none');
  const [departments, setDepartments] = useState<string[]>([]);
  const toggle = (channel: Channel, on: boolean) =>
    setChannels((now) => (on ? [...now, channel] : now.filter((c) => c !== channel)));
  return (
    <ActionDialog
      title={t('workspace.publish.title')}
      explain={t('workspace.publish.explain')}
      confirmLabel={t('workspace.publish.confirm')}
      busy={busy}
      error={error}
      onClose={onClose}
      confirmDisabled={chat === 'departments' && departments.length === 0}
      onConfirm={() => onPublish(publicationOf(channels, chat, departments))}
    >
      <div role="group" aria-labelledby={`${ids}-channels`} className={styles.group}>
        <Text id={`${ids}-channels`} weight="semibold">
          {t('workspace.publish.channels')}
        </Text>
        {(['facilitators', 'organisation'] as const).map((channel) => (
          <Checkbox
            key={channel}
            checked={channels.includes(channel)}
            label={t(`workspace.publish.channel.${channel}`)}
            onChange={(_event, data) => toggle(channel, data.checked === true)}
          />
        ))}
      </div>
      <Field label={t('workspace.publish.chat')}>
        <RadioGroup value={chat} onChange={(_event, data) => setChat(data.value as ChatAudience)}>
          <Radio value="none" label={t('workspace.publish.chat.none')} />
          <Radio value="facilitators" label={t('workspace.publish.chat.facilitators')} />
          <Radio value="everyone" label={t('workspace.publish.chat.everyone')} />
          <Radio value="departments" label={t('workspace.publish.chat.departments')} />
        </RadioGroup>
      </Field>
      {chat === 'departments' && (
        <DepartmentPicker selected={departments} onChange={setDepartments} />
      )}
    </ActionDialog>
  );
}
