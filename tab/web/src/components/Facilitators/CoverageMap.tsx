import {
  Badge,
  Button,
  Field,
  Input,
  Spinner,
  Subtitle2,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
} from '@fluentui/react-components';
import { useId, useState } from 'react';
import type { FacilitatorRound, FacilitatorTargets } from '../../api/types';
import { useAction, useApi } from '../../api/use-api';
import { useI18n } from '../../i18n/i18n';
import { ErrorBar } from '../ErrorBar/ErrorBar';
import { ScrollingTable } from '../ScrollingTable/ScrollingTable';
import { useFacilitatorsStyles } from './Facilitators.styles';
import { targetProblem } from './shortlist-view';

/** The targets typed so far that differ from the round's, or the departments whose text is wrong. */
function changedTargets(
  round: FacilitatorRound,
  typed: Record<string, string>,
): { targets: FacilitatorTargets; invalid: string[] } {
  const targets: FacilitatorTargets = {};
  const invalid: string[] = [];
  for (const [department, text] of Object.entries(typed)) {
    if (targetProblem(text)) invalid.push(department);
    else if (Number(text) !== round.coverage.find((c) => c.department === department)?.target)
      targets[department] = Number(text);
  }
  return { targets, invalid };
}

/**
 * Per department: employees, target, candidates, invited, accepted; a department below its
 * target says so in words (and an icon), not by colour alone. Targets are edited until the
 * round is invited.
 */
export function CoverageMap({
  round,
  onChanged,
}: {
  round: FacilitatorRound;
  onChanged: (round: FacilitatorRound) => void;
}) {
  const { t, locale } = useI18n();
  const api = useApi();
  const styles = useFacilitatorsStyles();
  const headingId = useId();
  const editable = round.invitationCampaignId === null;
  const [typed, setTyped] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  const { busy, error, run } = useAction<'save'>();
  const number = new Intl.NumberFormat(locale);
  const { targets, invalid } = changedTargets(round, typed);
  const below = round.coverage.filter((c) => c.belowTarget).length;

  const save = () =>
    run('save', async () => {
      onChanged(await api.changeRoundTargets(round.id, targets));
      setTyped({});
      setSaved(true);
    });

  return (
    <section aria-labelledby={headingId} className={styles.section}>
      <Subtitle2 as="h4" id={headingId}>
        {t('facilitators.coverage.heading')}
      </Subtitle2>
      <Text as="p" block>
        {below === 0
          ? t('facilitators.coverage.allCovered')
          : t('facilitators.coverage.below', { count: number.format(below) })}
      </Text>
      {round.coverage.length === 0 ? (
        <Text as="p" block>
          {t('facilitators.coverage.empty')}
        </Text>
      ) : (
        <ScrollingTable caption={t('facilitators.coverage.caption')} className={styles.wideTable}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">
                {t('facilitators.shortlist.department')}
              </TableHeaderCell>
              <TableHeaderCell scope="col">{t('facilitators.coverage.employees')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('facilitators.coverage.target')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('facilitators.coverage.candidates')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('facilitators.coverage.invited')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('facilitators.coverage.accepted')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('facilitators.coverage.state')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {round.coverage.map((c) => {
              const text = typed[c.department] ?? String(c.target);
              const problem = targetProblem(text);
              return (
                <TableRow key={c.department} className={c.belowTarget ? styles.below : undefined}>
                  <TableHeaderCell scope="row" className={styles.rowHeader}>
                    {c.department}
                  </TableHeaderCell>
                  <TableCell>{number.format(c.employees)}</TableCell>
                  <TableCell>
                    {editable ? (
                      <Field
                        validationState={problem ? 'error' : 'none'}
                        validationMessage={
                          problem ? t(`facilitators.coverage.target.${problem}`) : undefined
                        }
                      >
                        <Input
                          type="number"
                          inputMode="numeric"
                          min={0}
                          step={1}
                          className={styles.targetInput}
                          aria-label={t('facilitators.coverage.targetOf', {
                            department: c.department,
                          })}
                          value={text}
                          onChange={(_event, data) => {
                            setSaved(false);
                            setTyped((previous) => ({ ...previous, [c.department]: data.value }));
                          }}
                        />
                      </Field>
                    ) : (
                      number.format(c.target)
                    )}
                  </TableCell>
                  <TableCell>{number.format(c.candidates)}</TableCell>
                  <TableCell>{number.format(c.invited)}</TableCell>
                  <TableCell>{number.format(c.accepted)}</TableCell>
                  <TableCell>
                    {c.belowTarget ? (
                      <Badge appearance="tint" color="warning" className={styles.badge}>
                        {t('facilitators.coverage.belowTarget')}
                      </Badge>
                    ) : (
                      t('facilitators.coverage.onTarget')
                    )}
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </ScrollingTable>
      )}
      {editable && round.coverage.length > 0 && (
        <>
          {error !== null && <ErrorBar error={error} refusal />}
          {saved && error === null && (
            <Text as="p" block role="status">
              {t('facilitators.coverage.saved')}
            </Text>
          )}
          <div>
            <Button
              onClick={() => void save()}
              disabled={busy !== null || invalid.length > 0 || Object.keys(targets).length === 0}
              icon={busy ? <Spinner size="tiny" /> : undefined}
            >
              {t('facilitators.coverage.save')}
            </Button>
          </div>
        </>
      )}
    </section>
  );
}
