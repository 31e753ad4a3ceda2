import {
  Badge,
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Subtitle1,
} from '@fluentui/react-components';
import { useId } from 'react';
import { ApiError } from '../../api/client';
import type { FacilitatorRoster as Roster } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { ErrorBar } from '../ErrorBar/ErrorBar';
import { useFacilitatorRosterStyles } from './FacilitatorRoster.styles';
import { useFacilitatorRoster } from './use-facilitator-roster';

function RosterTable({ roster }: { roster: Roster }) {
  const { t, locale } = useI18n();
  const styles = useFacilitatorRosterStyles();
  const number = (n: number) => n.toLocaleString(locale, { maximumFractionDigits: 1 });
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
  if (roster.facilitators.length === 0) return <Text as="p">{t('roster.empty')}</Text>;
  return (
    <Table aria-labelledby="roster-caption" className={styles.table}>
      <caption id="roster-caption">{t('roster.caption')}</caption>
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{t('roster.column.name')}</TableHeaderCell>
          <TableHeaderCell>{t('roster.column.department')}</TableHeaderCell>
          <TableHeaderCell>{t('roster.column.since')}</TableHeaderCell>
          <TableHeaderCell>{t('roster.column.hours')}</TableHeaderCell>
          <TableHeaderCell>{t('roster.column.schedule')}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {roster.facilitators.map((f) => (
          <TableRow key={f.objectId}>
            <TableCell>{f.displayName ?? f.upn ?? f.objectId}</TableCell>
            <TableCell>{f.department}</TableCell>
            <TableCell>{date.format(new Date(f.since))}</TableCell>
            <TableCell>{`${number(f.hoursDone)} / ${number(f.target)}`}</TableCell>
            <TableCell>
              <Badge appearance="tint" color={f.behindSchedule ? 'warning' : 'success'}>
                {t(f.behindSchedule ? 'roster.behind' : 'roster.onSchedule')}
              </Badge>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/**
 * The programme team's view of the facilitators' training: hours against the target and who is
 * behind (never the modules of anyone's path), the CSV for HR, the import of completions.
 */
export function FacilitatorRoster() {
  const { t } = useI18n();
  const styles = useFacilitatorRosterStyles();
  const { roster, reload, download, importFile, imported, busy, error } = useFacilitatorRoster();
  const lines = error instanceof ApiError ? error.lines : [];
  const headingId = useId();
  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <Subtitle1 as="h3" id={headingId}>
        {t('roster.heading')}
      </Subtitle1>
      {roster.state === 'loading' && <Spinner label={t('app.loading')} />}
      {roster.state === 'failed' && <ErrorBar error={roster.error} onRetry={reload} />}
      {roster.state === 'loaded' && (
        <>
          <Text as="p" block>
            {t('roster.intro', { target: roster.value.target })}
          </Text>
          <RosterTable roster={roster.value} />
          <div className={styles.actions}>
            <Button onClick={() => void download()} disabled={busy !== null}>
              {t('roster.download')}
            </Button>
          </div>
        </>
      )}
      <div className={styles.import}>
        <Subtitle2 as="h4">{t('roster.import.heading')}</Subtitle2>
        <Text as="p" block>
          {t('roster.import.hint')}
        </Text>
        <Field label={t('roster.import.file')}>
          <input
            type="file"
            accept=".csv,text/csv"
            disabled={busy !== null}
            onChange={(event) => {
              const file = event.target.files?.[0];
              event.target.value = '';
              if (file) void importFile(file);
            }}
          />
        </Field>
        {imported && (
          <MessageBar intent="success">
            <MessageBarBody>{t('roster.import.done', { ...imported })}</MessageBarBody>
          </MessageBar>
        )}
        {error !== null && <ErrorBar error={error} />}
        {lines.length > 0 && (
          <ul className={styles.lines}>
            {lines.map((l) => (
              <li key={`${l.line}-${l.message}`}>
                {t('roster.import.line', { line: l.line ?? '', message: l.message })}
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
