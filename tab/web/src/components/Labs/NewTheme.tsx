import { Button, Field, Input, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import { useLabsApi } from '../../api/labs';
import type { Locale } from '../../api/types';
import { useAction } from '../../api/use-api';
import { useI18n } from '../../i18n/i18n';
import { ActionDialog } from '../ActionDialog/ActionDialog';
import { useLabsStyles } from './Labs.styles';

const TITLE_MAX = 80;
const DESCRIPTION_MAX = 500;
const LOCALES: readonly Locale[] = ['it-IT', 'en-US'];
const empty = (): Record<Locale, string> => ({ 'it-IT': '', 'en-US': '' });

/** Admins add a theme beside the five seeded ones, in Italian and English. */
export function NewTheme({ onAdded }: { onAdded: () => void }) {
  const { t } = useI18n();
  const api = useLabsApi();
  const styles = useLabsStyles();
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useState(empty);
  const [description, setDescription] = useState(empty);
  const action = useAction<'theme'>();
  const valid = LOCALES.every(
    (l) => title[l].trim().length >= 3 && description[l].trim().length >= 1,
  );
  const submit = () => {
    void action.run('theme', async () => {
      const trimmed = (text: Record<Locale, string>) =>
        Object.fromEntries(LOCALES.map((l) => [l, text[l].trim()])) as Record<Locale, string>;
      await api.addTheme({ title: trimmed(title), description: trimmed(description) });
      setTitle(empty());
      setDescription(empty());
      setOpen(false);
      onAdded();
    });
  };
  return (
    <>
      <Button onClick={() => setOpen(true)}>{t('labs.theme.open')}</Button>
      {open && (
        <ActionDialog
          title={t('labs.theme.heading')}
          confirmLabel={t('labs.theme.add')}
          confirmDisabled={!valid}
          busy={action.busy !== null}
          error={action.error}
          onClose={() => setOpen(false)}
          onConfirm={submit}
        >
          {LOCALES.map((l) => (
            <fieldset key={l} className={styles.group}>
              <legend className={styles.legend}>
                {t(l === 'it-IT' ? 'labs.theme.italian' : 'labs.theme.english')}
              </legend>
              <Field label={t('labs.theme.title')} required>
                <Input
                  lang={l}
                  value={title[l]}
                  maxLength={TITLE_MAX}
                  onChange={(_e, d) => setTitle((x) => ({ ...x, [l]: d.value }))}
                />
              </Field>
              <Field
                label={t('labs.theme.description')}
                hint={t('labs.count', { count: description[l].length, max: DESCRIPTION_MAX })}
                required
              >
                <Textarea
                  lang={l}
                  value={description[l]}
                  maxLength={DESCRIPTION_MAX}
                  resize="vertical"
                  onChange={(_e, d) => setDescription((x) => ({ ...x, [l]: d.value }))}
                />
              </Field>
            </fieldset>
          ))}
        </ActionDialog>
      )}
    </>
  );
}
