import {
  Badge,
  Button,
  Field,
  Link,
  SearchBox,
  Select,
  Spinner,
  Text,
} from '@fluentui/react-components';
import { IDEAS_PAGE } from '../../api/ideas-client';
import type { IdeaCallList, IdeaSort, IdeaStatus, IdeaSummary } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { ErrorBar } from '../ErrorBar/ErrorBar';
import { authorNames, formatDay } from './idea-text';
import { useIdeasStyles } from './Ideas.styles';
import { useIdeaList, type IdeaFilters } from './use-idea-list';

export const IDEA_STATUSES: readonly IdeaStatus[] = [
  'submitted',
  'underReview',
  'accepted',
  'implemented',
  'notFeasible',
  'outOfScope',
];
const SORTS: readonly IdeaSort[] = ['votes', 'newest', 'discussed'];

/** One idea in the list: its title opens it. */
function IdeaItem({ idea, onOpen }: { idea: IdeaSummary; onOpen: (id: string) => void }) {
  const { t, locale } = useI18n();
  const styles = useIdeasStyles();
  return (
    <li className={styles.item}>
      <Link as="button" className={styles.title} onClick={() => onOpen(idea.id)}>
        {idea.title}
      </Link>
      <div className={styles.meta}>
        <Badge appearance="tint" color="informative">
          {t(`ideas.status.${idea.status}`)}
        </Badge>
        {idea.hidden && (
          <Badge appearance="tint" color="warning">
            {t('ideas.hiddenBadge')}
          </Badge>
        )}
        <Text>{t('ideas.count.votes', { count: idea.votes })}</Text>
        <Text>{t('ideas.count.comments', { count: idea.comments })}</Text>
        {idea.openAmendments > 0 && (
          <Text>{t('ideas.count.amendments', { count: idea.openAmendments })}</Text>
        )}
      </div>
      <Text size={200}>
        {t('ideas.byline', {
          authors: authorNames(idea.authors, t, locale),
          date: formatDay(idea.createdAt, locale),
          area: idea.area,
        })}
      </Text>
    </li>
  );
}

/**
 * A call's ideas: search in Italian or English (asked once typing pauses), filters by area,
 * theme and status, the sort, and pages of the list.
 */
export function IdeaList({
  calls,
  call,
  version,
  onOpen,
}: {
  calls: IdeaCallList;
  call: string | undefined;
  /** Changes when the list should be read again (back from an idea). */
  version: number;
  onOpen: (id: string) => void;
}) {
  const { t } = useI18n();
  const styles = useIdeasStyles();
  const { text, setText, filters, setFilters, ideas, reload, offset, goTo } = useIdeaList(
    call,
    version,
  );
  const choose = (name: keyof IdeaFilters, value: string) =>
    setFilters((previous) => ({ ...previous, [name]: value || undefined }));
  const list = ideas.state === 'loaded' ? ideas.value : null;

  return (
    <section className={styles.section} aria-label={t('ideas.list.label')}>
      <div className={styles.filters} role="search">
        <Field label={t('ideas.list.search')} className={styles.search}>
          <SearchBox value={text} onChange={(_event, data) => setText(data.value)} />
        </Field>
        <Field label={t('ideas.list.area')} className={styles.filter}>
          <Select value={filters.area ?? ''} onChange={(_e, d) => choose('area', d.value)}>
            <option value="">{t('ideas.list.all')}</option>
            {calls.areas.map((area) => (
              <option key={area} value={area}>
                {area}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('ideas.list.theme')} className={styles.filter}>
          <Select value={filters.theme ?? ''} onChange={(_e, d) => choose('theme', d.value)}>
            <option value="">{t('ideas.list.all')}</option>
            {calls.themes.map((theme) => (
              <option key={theme} value={theme}>
                {t(`ideas.theme.${theme}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('ideas.list.status')} className={styles.filter}>
          <Select value={filters.status ?? ''} onChange={(_e, d) => choose('status', d.value)}>
            <option value="">{t('ideas.list.all')}</option>
            {IDEA_STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(`ideas.status.${status}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('ideas.list.sort')} className={styles.filter}>
          <Select value={filters.sort ?? 'votes'} onChange={(_e, d) => choose('sort', d.value)}>
            {SORTS.map((sort) => (
              <option key={sort} value={sort}>
                {t(`ideas.sort.${sort}`)}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      {ideas.state === 'loading' && <Spinner label={t('app.loading')} />}
      {ideas.state === 'failed' && <ErrorBar error={ideas.error} onRetry={reload} />}
      {list && (
        <>
          <Text role="status">
            {list.total === 0
              ? t('ideas.list.none')
              : t('ideas.list.range', {
                  from: offset + 1,
                  to: offset + list.ideas.length,
                  total: list.total,
                })}
          </Text>
          <ul className={styles.list}>
            {list.ideas.map((idea) => (
              <IdeaItem key={idea.id} idea={idea} onOpen={onOpen} />
            ))}
          </ul>
          {list.total > IDEAS_PAGE && (
            <nav className={styles.pager} aria-label={t('ideas.list.pages')}>
              <Button disabled={offset === 0} onClick={() => goTo(offset - IDEAS_PAGE)}>
                {t('ideas.list.previous')}
              </Button>
              <Button
                disabled={offset + IDEAS_PAGE >= list.total}
                onClick={() => goTo(offset + IDEAS_PAGE)}
              >
                {t('ideas.list.next')}
              </Button>
            </nav>
          )}
        </>
      )}
    </section>
  );
}
