import { Button, Field, Input, Subtitle2, Textarea } from '@fluentui/react-components';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useI18n } from '../../i18n/i18n';
import { useContestStyles } from './Contest.styles';

/** What the server accepts (it checks again, by content): the form only spares a round trip. */
const ACCEPTED_TYPES = ['image/png', 'image/jpeg'];
const MAX_MEGABYTES = 5;
export const MAX_TITLE = 80;
export const MAX_DESCRIPTION = 500;

/** A new entry: the image with its preview, a title and a short description. */
export function EntryForm({
  onSubmit,
  sending,
}: {
  onSubmit: (entry: { image: File; title: string; description: string }) => void;
  sending: boolean;
}) {
  const { t } = useI18n();
  const styles = useContestStyles();
  const ids = useId();
  const [image, setImage] = useState<File>();
  const [preview, setPreview] = useState<string>();
  const [fileProblem, setFileProblem] = useState<string>();
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [titleProblem, setTitleProblem] = useState<string>();

  useEffect(() => {
    if (!image) return setPreview(undefined);
    const url = URL.createObjectURL(image);
    setPreview(url);
    return () => URL.revokeObjectURL(url);
  }, [image]);

  const choose = (file: File | undefined) => {
    setImage(undefined);
    if (!file) return setFileProblem(undefined);
    if (!ACCEPTED_TYPES.includes(file.type)) return setFileProblem(t('contest.form.fileType'));
    if (file.size > MAX_MEGABYTES * 1024 * 1024) {
      return setFileProblem(t('contest.form.fileSize', { megabytes: MAX_MEGABYTES }));
    }
    setFileProblem(undefined);
    setImage(file);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const missingTitle = title.trim() === '';
    setTitleProblem(missingTitle ? t('contest.form.titleMissing') : undefined);
    if (!image) setFileProblem(fileProblem ?? t('contest.form.fileMissing'));
    if (!image || missingTitle) return;
    onSubmit({ image, title: title.trim(), description: description.trim() });
  };

  return (
    <form className={styles.form} onSubmit={submit} aria-labelledby={`${ids}-heading`} noValidate>
      <Subtitle2 as="h3" id={`${ids}-heading`}>
        {t('contest.form.heading')}
      </Subtitle2>
      <Field
        label={t('contest.form.image')}
        hint={t('contest.form.imageHint', { megabytes: MAX_MEGABYTES })}
        validationMessage={fileProblem}
        required
      >
        {(control) => (
          <input
            {...control}
            type="file"
            accept={ACCEPTED_TYPES.join(',')}
            onChange={(event) => choose(event.target.files?.[0])}
          />
        )}
      </Field>
      {preview && (
        <img
          className={styles.preview}
          src={preview}
          alt={t('contest.form.previewAlt', { title: title.trim() || image?.name || '' })}
        />
      )}
      <Field
        label={t('contest.form.title')}
        hint={t('contest.form.maxLength', { max: MAX_TITLE })}
        validationMessage={titleProblem}
        required
      >
        <Input value={title} maxLength={MAX_TITLE} onChange={(_e, d) => setTitle(d.value)} />
      </Field>
      <Field
        label={t('contest.form.description')}
        hint={t('contest.form.maxLength', { max: MAX_DESCRIPTION })}
      >
        <Textarea
          value={description}
          maxLength={MAX_DESCRIPTION}
          resize="vertical"
          onChange={(_e, d) => setDescription(d.value)}
        />
      </Field>
      <Button appearance="primary" type="submit" disabled={sending}>
        {sending ? t('contest.form.sending') : t('contest.form.send')}
      </Button>
    </form>
  );
}
