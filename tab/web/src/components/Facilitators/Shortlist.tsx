import {
  Button,
  Field,
  Select,
  Subtitle2,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
} from '@fluentui/react-components';
import { useId, useMemo, useRef, useState } from 'react';
import type { FacilitatorRound, ShortlistStatus } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { ScrollingTable } from '../ScrollingTable/ScrollingTable';
import { useFacilitatorsStyles } from './Facilitators.styles';
import { OverrideDialog, type Override } from './OverrideDialog';
import {
  ALL_STATUSES,
  departmentsOf,
  nextSort,
  shownCandidates,
  type ShortlistQuery,
  type ShortlistSortKey,
} from './shortlist-view';

const ANY = '';

/**
 * A round's shortlist: only the two scores, only of people who consented. Sortable by department
 * and scores, filtered by department and status; before the invitation people are added and
 * removed by hand, with a reason.
 */
export function Shortlist({
  round,
  onChanged,
}: {
  round: FacilitatorRound;
  onChanged: (round: FacilitatorRound) => void;
}) {
  const { t, locale } = useI18n();
  const styles = useFacilitatorsStyles();
  const headingId = useId();
  const [query, setQuery] = useState<ShortlistQuery>({
    department: null,
    status: null,
    sort: null,
  });
  const [override, setOverride] = useState<Override | null>(null);
  const region = useRef<HTMLDivElement>(null);
  const editable = round.invitationCampaignId === null;
  const rows = useMemo(
    () => shownCandidates(round.candidates, query, locale),
    [round.candidates, query, locale],
  );
  const departments = useMemo(
    () => departmentsOf(round.candidates, locale),
    [round.candidates, locale],
  );
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });

  const sortable = (key: ShortlistSortKey, label: string) => (
    <TableHeaderCell
      scope="col"
      sortable
      sortDirection={query.sort?.key === key ? query.sort.direction : undefined}
      onClick={() => setQuery((q) => ({ ...q, sort: nextSort(q.sort, key) }))}
    >
      {label}
    </TableHeaderCell>
  );

  return (
    <section aria-labelledby={headingId} className={styles.section}>
      <Subtitle2 as="h4" id={headingId}>
        {t('facilitators.shortlist.heading')}
      </Subtitle2>
      <div className={styles.fields}>
        <Field label={t('facilitators.shortlist.department')} className={styles.filter}>
          <Select
            value={query.department ?? ANY}
            onChange={(_event, data) =>
              setQuery((q) => ({ ...q, department: data.value === ANY ? null : data.value }))
            }
          >
            <option value={ANY}>{t('facilitators.shortlist.anyDepartment')}</option>
            {departments.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('facilitators.shortlist.status')} className={styles.filter}>
          <Select
            value={query.status ?? ANY}
            onChange={(_event, data) =>
              setQuery((q) => ({
                ...q,
                status: data.value === ANY ? null : (data.value as ShortlistStatus),
              }))
            }
          >
            <option value={ANY}>{t('facilitators.shortlist.anyStatus')}</option>
            {ALL_STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(`facilitators.status.${status}`)}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      {editable && (
        <div>
          <Button onClick={() => setOverride({ action: 'add', objectId: null, displayName: null })}>
            {t('facilitators.shortlist.addPerson')}
          </Button>
        </div>
      )}
      {rows.length === 0 ? (
        <Text as="p" block>
          {round.candidates.length === 0
            ? t('facilitators.shortlist.empty')
            : t('facilitators.shortlist.noneShown')}
        </Text>
      ) : (
        <ScrollingTable
          caption={t('facilitators.shortlist.caption', {
            shown: number.format(rows.length),
            total: number.format(round.candidates.length),
          })}
          className={styles.wideTable}
          ref={region}
        >
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('facilitators.shortlist.name')}</TableHeaderCell>
              {sortable('department', t('facilitators.shortlist.department'))}
              {sortable('digitalSkills', t('facilitators.dimension.digitalSkills'))}
              {sortable('motivation', t('facilitators.dimension.motivation'))}
              <TableHeaderCell scope="col">{t('facilitators.shortlist.interest')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('facilitators.shortlist.reason')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('facilitators.shortlist.status')}</TableHeaderCell>
              {editable && (
                <TableHeaderCell scope="col">{t('facilitators.shortlist.actions')}</TableHeaderCell>
              )}
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((c) => (
              <TableRow key={c.objectId}>
                <TableHeaderCell scope="row" className={styles.rowHeader}>
                  {c.displayName}
                </TableHeaderCell>
                <TableCell>{c.department}</TableCell>
                <TableCell>{number.format(c.digitalSkills)}</TableCell>
                <TableCell>{number.format(c.motivation)}</TableCell>
                <TableCell>
                  {t(c.interested ? 'facilitators.interest.yes' : 'facilitators.interest.no')}
                </TableCell>
                <TableCell>{t(`facilitators.reason.${c.reason}`)}</TableCell>
                <TableCell>{t(`facilitators.status.${c.status}`)}</TableCell>
                {editable && (
                  <TableCell>
                    {c.status === 'proposed' && (
                      <Button
                        size="small"
                        aria-label={t('facilitators.shortlist.removeOne', {
                          name: c.displayName,
                        })}
                        onClick={() =>
                          setOverride({
                            action: 'remove',
                            objectId: c.objectId,
                            displayName: c.displayName,
                          })
                        }
                      >
                        {t('facilitators.override.remove')}
                      </Button>
                    )}
                    {c.status === 'removed' && (
                      <Button
                        size="small"
                        aria-label={t('facilitators.shortlist.addBack', { name: c.displayName })}
                        onClick={() =>
                          setOverride({
                            action: 'add',
                            objectId: c.objectId,
                            displayName: c.displayName,
                          })
                        }
                      >
                        {t('facilitators.override.add')}
                      </Button>
                    )}
                  </TableCell>
                )}
              </TableRow>
            ))}
          </TableBody>
        </ScrollingTable>
      )}
      {override && (
        <OverrideDialog
          roundId={round.id}
          override={override}
          onClose={() => setOverride(null)}
          onChanged={(changed) => {
            setOverride(null);
            onChanged(changed);
            // The row's button is gone (or changed): the focus goes back to the table.
            region.current?.focus();
          }}
        />
      )}
    </section>
  );
}
