import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Spinner,
  Subtitle2,
  Text,
} from '@fluentui/react-components';
import { useCallback, useState } from 'react';
import { usePostsApi } from '../../api/posts';
import { useLoad } from '../../api/use-api';
import type { PostVersion } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { formatDate } from '../Campaigns/campaign-view';
import { ErrorBar } from '../ErrorBar/ErrorBar';
import { Markdown } from '../Markdown/Markdown';
import { usePostPageStyles } from './PostPage.styles';

function Versions({ id }: { id: string }) {
  const { t, locale } = useI18n();
  const api = usePostsApi();
  const load = useCallback(() => api.versions(id), [api, id]);
  const [versions, reload] = useLoad(load);
  if (versions.state === 'loading') return <Spinner size="tiny" label={t('app.loading')} />;
  if (versions.state === 'failed') return <ErrorBar error={versions.error} onRetry={reload} />;
  const label = (version: PostVersion) =>
    t('workspace.history.version', {
      version: version.version,
      editor: version.editor.displayName,
      date: formatDate(version.at, locale),
    });
  return (
    <Accordion collapsible>
      {versions.value.versions.map((version) => (
        <AccordionItem key={version.version} value={version.version}>
          <AccordionHeader as="h4">{label(version)}</AccordionHeader>
          <AccordionPanel>
            <Subtitle2 as="p">{version.title}</Subtitle2>
            {version.summary && <Text as="p">{version.summary}</Text>}
            <Markdown text={version.body} />
          </AccordionPanel>
        </AccordionItem>
      ))}
    </Accordion>
  );
}

/** Who changed the post and when, each version's text on request (read when first opened). */
export function PostHistory({ id, version }: { id: string; version: number }) {
  const { t } = useI18n();
  const styles = usePostPageStyles();
  const [opened, setOpened] = useState(false);
  return (
    <Accordion collapsible onToggle={() => setOpened(true)}>
      <AccordionItem value="history">
        <AccordionHeader as="h3">{t('workspace.history', { version })}</AccordionHeader>
        <AccordionPanel className={styles.content}>{opened && <Versions id={id} />}</AccordionPanel>
      </AccordionItem>
    </Accordion>
  );
}
