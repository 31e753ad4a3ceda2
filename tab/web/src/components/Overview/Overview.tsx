import {
  Button,
  FluentProvider,
  Spinner,
  teamsLightTheme,
  Text,
  Title2,
} from '@fluentui/react-components';
import { useId } from 'react';
import type { Overview as OverviewData } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { useTeams } from '../../teams/teams-context';
import { themes } from '../../teams/themes';
import { formatDate } from '../Campaigns/campaign-view';
import { ErrorBar } from '../ErrorBar/ErrorBar';
import { DimensionsTile } from './DimensionsTile';
import { FacilitatorsTile } from './FacilitatorsTile';
import { IdeasTile } from './IdeasTile';
import { LabsTile } from './LabsTile';
import type { OverviewLink } from './overview-links';
import { useOverviewStyles, usePageStyles } from './Overview.styles';
import { ParticipationTile } from './ParticipationTile';
import { useOverview } from './use-overview';
import { usePrinting } from './use-printing';

function Facts({ data }: { data: OverviewData }) {
  const { t, locale } = useI18n();
  const styles = useOverviewStyles();
  const k = data.participation.campaign?.k ?? data.dimensions.campaign?.k;
  return (
    <div className={styles.facts}>
      <Text>
        {t('overview.scope', {
          scope: data.scope.length === 0 ? t('overview.organisation') : data.scope.join(' › '),
        })}
      </Text>
      {data.refreshedAt && (
        <Text className={styles.muted}>
          {t('overview.refreshed', { date: formatDate(data.refreshedAt, locale) })}
        </Text>
      )}
      {k !== undefined && (
        <Text size={200} className={styles.muted}>
          {t('overview.privacy', { k })}
        </Text>
      )}
    </div>
  );
}

/**
 * "Panoramica": the programme in one picture for the people who steer it (managers: their
 * subtree; admins: everything), from one request. Each tile links to its detailed screen and
 * exports its tables; the page prints as a report in the light theme.
 */
export function Overview({
  links,
  onOpen,
}: {
  /** The detailed screens this person may open. */
  links: readonly OverviewLink[];
  onOpen: (to: OverviewLink) => void;
}) {
  const { t } = useI18n();
  const { theme } = useTeams();
  const styles = useOverviewStyles();
  usePageStyles();
  const printing = usePrinting();
  const headingId = useId();
  const { overview, reload } = useOverview();
  return (
    <FluentProvider theme={printing ? teamsLightTheme : themes[theme]} className={styles.provider}>
      <section aria-labelledby={headingId} className={styles.root}>
        <div className={styles.header}>
          <Title2 as="h2" id={headingId}>
            {t('overview.heading')}
          </Title2>
          {overview.state === 'loaded' && (
            <Button className={styles.screenOnly} onClick={() => window.print()}>
              {t('overview.print')}
            </Button>
          )}
        </div>
        {overview.state === 'loading' && <Spinner label={t('app.loading')} />}
        {overview.state === 'failed' && <ErrorBar error={overview.error} onRetry={reload} />}
        {overview.state === 'loaded' && (
          <>
            <Facts data={overview.value} />
            <div className={styles.tiles}>
              <ParticipationTile
                data={overview.value.participation}
                links={links}
                onOpen={onOpen}
              />
              <DimensionsTile data={overview.value.dimensions} links={links} onOpen={onOpen} />
              <FacilitatorsTile data={overview.value.facilitators} links={links} onOpen={onOpen} />
              <LabsTile data={overview.value.labs} links={links} onOpen={onOpen} />
              <IdeasTile data={overview.value.ideas} links={links} onOpen={onOpen} />
            </div>
          </>
        )}
      </section>
    </FluentProvider>
  );
}
