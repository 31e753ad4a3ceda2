import { Badge, Button, Spinner, Tab, TabList, Text } from '@fluentui/react-components';
import { useEffect, useId, useRef, useState } from 'react';
import type { Lab } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { ErrorBar } from '../ErrorBar/ErrorBar';
import { LabBoard } from '../LabBoard/LabBoard';
import { LabPeople } from '../LabPeople/LabPeople';
import { LabUpdates } from '../LabUpdates/LabUpdates';
import { LabMembership } from './LabMembership';
import { LabMilestones } from './LabMilestones';
import { LabNotes } from './LabNotes';
import { useLabPageStyles } from './LabPage.styles';
import { LabSettings } from './LabSettings';
import { formatDay, personName } from './lab-view';
import { useLab, type LabWrites } from './use-lab';

type Part = 'board' | 'updates' | 'notes' | 'people' | 'settings';

function LabHeader({ lab }: { lab: Lab }) {
  const { t, locale } = useI18n();
  const styles = useLabPageStyles();
  const dates = [
    lab.startDate ? t('labs.lab.start', { date: formatDay(lab.startDate, locale) }) : null,
    lab.plannedEndDate ? t('labs.lab.end', { date: formatDay(lab.plannedEndDate, locale) }) : null,
  ].filter(Boolean);
  return (
    <>
      <div className={styles.badges}>
        <Badge appearance="tint">{lab.theme.title}</Badge>
        <Badge appearance="outline">{t(`labs.status.${lab.status}`)}</Badge>
        {lab.private && <Badge appearance="outline">{t('labs.private')}</Badge>}
      </div>
      <Text as="p" block className={styles.goal}>
        {lab.goal}
      </Text>
      <Text as="p" block className={styles.meta}>
        {t('labs.lab.leads', { names: lab.leads.map((p) => personName(t, p)).join(', ') })}
        {dates.length > 0 && ` · ${dates.join(' · ')}`}
      </Text>
      {lab.outcome && (
        <Text as="p" block className={styles.goal}>
          {t('labs.lab.outcome', { outcome: lab.outcome })}
        </Text>
      )}
    </>
  );
}

function LabPart({
  part,
  lab,
  writes,
  busy,
}: {
  part: Part;
  lab: Lab;
  writes: LabWrites;
  busy: string | null;
}) {
  switch (part) {
    case 'board':
      return (
        <>
          <LabBoard lab={lab} onTask={writes.task} />
          <LabMilestones lab={lab} writes={writes} busy={busy} />
        </>
      );
    case 'updates':
      return <LabUpdates lab={lab} writes={writes} busy={busy} />;
    case 'notes':
      return <LabNotes lab={lab} writes={writes} busy={busy} />;
    case 'people':
      return <LabPeople lab={lab} writes={writes} busy={busy} />;
    case 'settings':
      return <LabSettings lab={lab} writes={writes} busy={busy} />;
  }
}

/**
 * A lab's page: goal, leads, membership, and its parts — the board first (what the channel tab
 * opens), the updates' timeline, notes and decisions, people and, for leads, its settings.
 */
export function LabPage({ id, onBack }: { id: string; onBack?: () => void }) {
  const { t } = useI18n();
  const styles = useLabPageStyles();
  const ids = useId();
  const { lab, reload, writes, busy, error } = useLab(id);
  const [part, setPart] = useState<Part>('board');
  const heading = useRef<HTMLHeadingElement>(null);
  const loaded = lab.state === 'loaded';
  useEffect(() => {
    if (loaded && onBack) heading.current?.focus();
  }, [loaded, onBack]);

  const parts: Part[] =
    lab.state === 'loaded' && lab.value.permissions.manage
      ? ['board', 'updates', 'notes', 'people', 'settings']
      : ['board', 'updates', 'notes', 'people'];

  return (
    <article className={styles.root} aria-labelledby={`${ids}-title`}>
      {onBack && (
        <div>
          <Button appearance="subtle" onClick={onBack}>
            {t('labs.back')}
          </Button>
        </div>
      )}
      {lab.state === 'loading' && <Spinner label={t('app.loading')} />}
      {lab.state === 'failed' && <ErrorBar error={lab.error} onRetry={reload} />}
      {lab.state === 'loaded' && (
        <>
          <h2 id={`${ids}-title`} ref={heading} tabIndex={-1} className={styles.title}>
            {lab.value.title}
          </h2>
          <LabHeader lab={lab.value} />
          <LabMembership lab={lab.value} writes={writes} busy={busy} />
          {error !== null && <ErrorBar error={error} refusal />}
          <TabList
            aria-label={t('labs.parts', { title: lab.value.title })}
            selectedValue={part}
            onTabSelect={(_e, data) => setPart(data.value as Part)}
            className={styles.parts}
          >
            {parts.map((p) => (
              <Tab key={p} id={`${ids}-tab-${p}`} value={p} aria-controls={`${ids}-panel-${p}`}>
                {t(`labs.part.${p}`)}
              </Tab>
            ))}
          </TabList>
          <div id={`${ids}-panel-${part}`} role="tabpanel" aria-labelledby={`${ids}-tab-${part}`}>
            <LabPart part={part} lab={lab.value} writes={writes} busy={busy} />
          </div>
        </>
      )}
    </article>
  );
}
