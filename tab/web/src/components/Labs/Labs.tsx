import { Spinner, Text, Title2 } from '@fluentui/react-components';
import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import type { Me } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { useTeams } from '../../teams/teams-context';
import { ErrorBar } from '../ErrorBar/ErrorBar';
import { LabPage } from '../LabPage/LabPage';
import { LabFilters } from './LabFilters';
import { LabList } from './LabList';
import { useLabsStyles } from './Labs.styles';
import { NewLab } from './NewLab';
import { NewTheme } from './NewTheme';
import { useLabs } from './use-labs';

// Managers and admins only.
const LabOverview = lazy(() =>
  import('../LabOverview/LabOverview').then((module) => ({ default: module.LabOverview })),
);

const canCreate = (me: Pick<Me, 'roles'>) =>
  me.roles.includes('facilitator') || me.roles.includes('admin');
const canOverview = (me: Pick<Me, 'roles'>) =>
  me.roles.includes('manager') || me.roles.includes('admin');

/**
 * "Laboratori": the labs by theme and status, each opening its page; facilitators and admins
 * start new ones, managers and admins see every lab's progress side by side. A channel tab (or a
 * link with the lab's id) opens its lab directly.
 */
export function Labs({ me }: { me: Pick<Me, 'roles'> }) {
  const { t } = useI18n();
  const { place } = useTeams();
  const styles = useLabsStyles();
  const { labs, reload, themes, reloadThemes, filter, setFilter } = useLabs();
  const [open, setOpen] = useState<string | null>(place?.kind === 'lab' ? place.labId : null);
  // Back from a lab, the focus returns to its entry in the list (also once the list is reloaded).
  const left = useRef<{ id: string; before: typeof labs } | null>(null);
  const list = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (open || labs.state !== 'loaded' || !left.current) return;
    const { id, before } = left.current;
    list.current?.querySelector<HTMLElement>(`[data-lab="${CSS.escape(id)}"]`)?.focus();
    if (labs !== before) left.current = null;
  }, [open, labs]);
  const back = useCallback(() => {
    if (open) left.current = { id: open, before: labs };
    setOpen(null);
    reload();
  }, [open, labs, reload]);

  if (open) return <LabPage key={open} id={open} onBack={back} />;
  return (
    <div className={styles.root} ref={list}>
      <Title2 as="h2">{t('labs.heading')}</Title2>
      <Text as="p" block className={styles.intro}>
        {t('labs.intro')}
      </Text>
      {(canCreate(me) || me.roles.includes('admin')) && themes.state === 'loaded' && (
        <div className={styles.actions}>
          {canCreate(me) && <NewLab themes={themes.value.themes} onCreated={setOpen} />}
          {me.roles.includes('admin') && <NewTheme onAdded={reloadThemes} />}
        </div>
      )}
      <LabFilters
        themes={themes.state === 'loaded' ? themes.value.themes : []}
        filter={filter}
        onChange={setFilter}
      />
      {labs.state === 'loading' && <Spinner label={t('app.loading')} />}
      {labs.state === 'failed' && <ErrorBar error={labs.error} onRetry={reload} />}
      {labs.state === 'loaded' && <LabList labs={labs.value.labs} onOpen={setOpen} />}
      {canOverview(me) && (
        <Suspense fallback={<Spinner label={t('app.loading')} />}>
          <LabOverview onOpen={setOpen} />
        </Suspense>
      )}
    </div>
  );
}
