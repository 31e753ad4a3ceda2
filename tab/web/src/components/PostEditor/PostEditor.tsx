import {
  Button,
  Field,
  Input,
  Select,
  Spinner,
  Tab,
  TabList,
  Text,
  Textarea,
  Title2,
} from '@fluentui/react-components';
import { useState } from 'react';
import { POST_CATEGORIES, StalePostError } from '../../api/posts';
import type { PostCategory } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { ErrorBar } from '../ErrorBar/ErrorBar';
import { Markdown } from '../Markdown/Markdown';
import { PublishDialog } from '../PostPage/PublishDialog';
import { AttachmentUpload } from './AttachmentUpload';
import { LIMITS, problemsOf, type PostForm } from './post-form';
import { usePostEditorStyles } from './PostEditor.styles';
import { StaleNotice } from './StaleNotice';
import { usePostEditor } from './use-post-editor';

/**
 * Writes a post (facilitators and admins; the server decides): title, summary, category, tags,
 * the Markdown text with its preview, files once the draft is saved; then publishes it with its
 * announcements. An edit sends the version it started from: a newer one is shown, not overwritten.
 */
export function PostEditor({ id, onDone }: { id?: string; onDone: (id?: string) => void }) {
  const { t, locale } = useI18n();
  const styles = usePostEditorStyles();
  const editor = usePostEditor(id);
  const { form, setForm, saved, stale, action } = editor;
  const [tried, setTried] = useState(false);
  const [bodyTab, setBodyTab] = useState<'write' | 'preview'>('write');
  const [publishing, setPublishing] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const problems = tried ? problemsOf(form) : [];
  const set = (change: Partial<PostForm>) => {
    setNotice(null);
    setForm((now) => ({ ...now, ...change }));
  };
  const problem = (field: 'title' | 'summary' | 'body' | 'tags') =>
    problems.includes(field)
      ? t(`workspace.form.${field}Wrong`, { ...LIMITS, body: LIMITS.body.toLocaleString(locale) })
      : undefined;
  const save = (then?: () => void) => {
    setTried(true);
    if (problemsOf(form).length > 0) return;
    void editor.save(() => {
      setNotice(t('workspace.form.saved'));
      then?.();
    });
  };

  if (id && !saved) {
    return action.error ? <ErrorBar error={action.error} /> : <Spinner label={t('app.loading')} />;
  }
  return (
    <div className={styles.root}>
      <Button appearance="subtle" className={styles.back} onClick={() => onDone(saved?.id)}>
        {saved ? t('workspace.form.close') : t('workspace.back')}
      </Button>
      <Title2 as="h2">
        {saved ? t('workspace.form.editHeading') : t('workspace.form.newHeading')}
      </Title2>
      {stale && (
        <StaleNotice
          current={stale}
          onTake={() => editor.resolveStale(true)}
          onKeep={() => editor.resolveStale(false)}
        />
      )}
      <form
        className={styles.root}
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          save();
        }}
      >
        <Field
          label={t('workspace.form.title')}
          hint={t('workspace.form.max', { max: LIMITS.title })}
          validationMessage={problem('title')}
          required
        >
          <Input value={form.title} onChange={(_e, d) => set({ title: d.value })} />
        </Field>
        <Field
          label={t('workspace.form.summary')}
          hint={t('workspace.form.max', { max: LIMITS.summary })}
          validationMessage={problem('summary')}
        >
          <Textarea
            value={form.summary}
            resize="vertical"
            onChange={(_e, d) => set({ summary: d.value })}
          />
        </Field>
        <div className={styles.row}>
          <Field label={t('workspace.category')} className={styles.category}>
            <Select
              value={form.category}
              onChange={(_e, d) => set({ category: d.value as PostCategory })}
            >
              {POST_CATEGORIES.map((category) => (
                <option key={category} value={category}>
                  {t(`workspace.category.${category}`)}
                </option>
              ))}
            </Select>
          </Field>
          <Field
            label={t('workspace.form.tags')}
            hint={t('workspace.form.tagsHint', { ...LIMITS })}
            validationMessage={problem('tags')}
            className={styles.tags}
          >
            <Input value={form.tags} onChange={(_e, d) => set({ tags: d.value })} />
          </Field>
        </div>
        <TabList
          aria-label={t('workspace.form.body')}
          selectedValue={bodyTab}
          onTabSelect={(_event, data) => setBodyTab(data.value as 'write' | 'preview')}
          size="small"
        >
          <Tab value="write">{t('workspace.form.write')}</Tab>
          <Tab value="preview">{t('workspace.form.preview')}</Tab>
        </TabList>
        {bodyTab === 'write' ? (
          <Field
            label={t('workspace.form.body')}
            hint={t('workspace.form.bodyHint', { max: LIMITS.body.toLocaleString(locale) })}
            validationMessage={problem('body')}
            required
          >
            <Textarea
              value={form.body}
              resize="vertical"
              textarea={{ className: styles.body }}
              onChange={(_e, d) => set({ body: d.value })}
            />
          </Field>
        ) : (
          <section className={styles.preview} aria-label={t('workspace.form.preview')}>
            {form.body.trim() ? (
              <Markdown text={form.body} />
            ) : (
              <Text>{t('workspace.form.previewEmpty')}</Text>
            )}
          </section>
        )}
        {action.error !== null && !(action.error instanceof StalePostError) && !publishing && (
          <ErrorBar error={action.error} refusal />
        )}
        <div className={styles.actions}>
          <Button type="submit" disabled={action.busy !== null}>
            {action.busy === 'save' ? t('workspace.form.saving') : t('workspace.form.save')}
          </Button>
          {(!saved || (saved.state === 'draft' && saved.may.publish)) && (
            <Button
              appearance="primary"
              disabled={action.busy !== null}
              onClick={() => (editor.dirty ? save(() => setPublishing(true)) : setPublishing(true))}
            >
              {t('workspace.publish')}
            </Button>
          )}
          {notice && <Text role="status">{notice}</Text>}
        </div>
      </form>
      {saved ? (
        <AttachmentUpload
          post={saved}
          onChange={() => void editor.refreshFiles()}
          onInsert={(markdown) => set({ body: `${form.body.trimEnd()}\n\n${markdown}\n` })}
        />
      ) : (
        <Text as="p" block>
          {t('workspace.upload.afterSave')}
        </Text>
      )}
      {publishing && saved && (
        <PublishDialog
          busy={action.busy === 'publish'}
          error={action.error}
          onClose={() => setPublishing(false)}
          onPublish={(publication) => void editor.publish(publication, (post) => onDone(post.id))}
        />
      )}
    </div>
  );
}
