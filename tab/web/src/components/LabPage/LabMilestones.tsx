import { Button, Checkbox, Field, Input, Subtitle2, Text } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import type { Lab, LabMilestone } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { useLabPageStyles } from './LabPage.styles';
import { formatDay } from './lab-view';
import type { LabWrites } from './use-lab';

const TITLE_MAX = 200;

/** A milestone's title and due date, as a form row: adding one, or changing one. */
function MilestoneForm({
  initial,
  label,
  busy,
  onSave,
  onCancel,
}: {
  initial?: LabMilestone;
  label: string;
  busy: boolean;
  /** Whether it was saved: the form keeps what was typed when not. */
  onSave: (title: string, dueDate: string | null) => Promise<boolean>;
  onCancel?: () => void;
}) {
  const { t } = useI18n();
  const styles = useLabPageStyles();
  const [title, setTitle] = useState(initial?.title ?? '');
  const [dueDate, setDueDate] = useState(initial?.dueDate ?? '');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void onSave(title.trim(), dueDate || null).then((saved) => {
      if (saved && !initial) {
        setTitle('');
        setDueDate('');
      }
    });
  };
  return (
    <form className={styles.row} onSubmit={submit} aria-label={label}>
      <Field label={t('labs.milestones.title')} required>
        <Input value={title} maxLength={TITLE_MAX} onChange={(_e, d) => setTitle(d.value)} />
      </Field>
      <Field label={t('labs.milestones.due')}>
        <Input type="date" value={dueDate} onChange={(_e, d) => setDueDate(d.value)} />
      </Field>
      <Button appearance="primary" type="submit" disabled={busy || !title.trim()}>
        {initial ? t('labs.milestones.save') : t('labs.milestones.add')}
      </Button>
      {onCancel && <Button onClick={onCancel}>{t('labs.cancel')}</Button>}
    </form>
  );
}

/**
 * The lab's milestones, by due date (undated last): the board's people mark them reached, add,
 * rename, re-date and remove them; a task names the milestone it leads to.
 */
export function LabMilestones({
  lab,
  writes,
  busy,
}: {
  lab: Lab;
  writes: LabWrites;
  busy: string | null;
}) {
  const { t, locale } = useI18n();
  const styles = useLabPageStyles();
  const [editing, setEditing] = useState<string | null>(null);
  const writable = lab.permissions.editBoard && lab.status !== 'concluded';
  const milestones = [...lab.milestones].sort((a, b) =>
    (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999'),
  );
  if (!writable && milestones.length === 0) return null;
  return (
    <section className={styles.section} aria-labelledby="lab-milestones">
      <Subtitle2 as="h3" id="lab-milestones">
        {t('labs.milestones.heading')}
      </Subtitle2>
      {milestones.length === 0 ? (
        <Text as="p">{t('labs.milestones.empty')}</Text>
      ) : (
        <ul className={styles.log}>
          {milestones.map((m) =>
            editing === m.id ? (
              <li key={m.id}>
                <MilestoneForm
                  initial={m}
                  label={t('labs.milestones.editing', { title: m.title })}
                  busy={busy !== null}
                  onCancel={() => setEditing(null)}
                  onSave={(title, dueDate) =>
                    writes
                      .milestone(m.id, (api) =>
                        api.changeMilestone(lab.id, m.id, { title, dueDate }),
                      )
                      .then((saved) => {
                        if (saved) setEditing(null);
                        return saved;
                      })
                  }
                />
              </li>
            ) : (
              <li key={m.id} className={styles.row}>
                <Checkbox
                  checked={m.reached}
                  disabled={!writable || busy !== null}
                  label={
                    m.dueDate
                      ? t('labs.milestones.dated', {
                          title: m.title,
                          date: formatDay(m.dueDate, locale),
                        })
                      : m.title
                  }
                  onChange={(_e, d) =>
                    void writes.milestone(m.id, (api) =>
                      api.changeMilestone(lab.id, m.id, { reached: d.checked === true }),
                    )
                  }
                />
                {writable && (
                  <>
                    <Button
                      size="small"
                      appearance="subtle"
                      disabled={busy !== null}
                      aria-label={t('labs.milestones.edit', { title: m.title })}
                      onClick={() => setEditing(m.id)}
                    >
                      {t('labs.milestones.editShort')}
                    </Button>
                    <Button
                      size="small"
                      appearance="subtle"
                      disabled={busy !== null}
                      aria-label={t('labs.milestones.remove', { title: m.title })}
                      onClick={() =>
                        void writes.milestone(m.id, async (api) => {
                          await api.deleteMilestone(lab.id, m.id);
                          return null;
                        })
                      }
                    >
                      {t('labs.milestones.removeShort')}
                    </Button>
                  </>
                )}
              </li>
            ),
          )}
        </ul>
      )}
      {writable && (
        <MilestoneForm
          label={t('labs.milestones.new')}
          busy={busy !== null}
          onSave={(title, dueDate) =>
            writes.milestone(null, (api) => api.addMilestone(lab.id, { title, dueDate }))
          }
        />
      )}
    </section>
  );
}
