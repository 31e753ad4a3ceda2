import type { NewPost, PostCategory, PostDetail } from '../../api/types';

/** The server's limits (it checks again): the form only spares a round trip. */
export const LIMITS = { title: 140, summary: 300, body: 20_000, tags: 10, tag: 40 } as const;

export interface PostForm {
  title: string;
  summary: string;
  category: PostCategory;
  /** As typed: comma-separated. */
  tags: string;
  body: string;
}

export type FormProblem = 'title' | 'summary' | 'body' | 'tags';

export const emptyForm = (): PostForm => ({
  title: '',
  summary: '',
  category: 'guide',
  tags: '',
  body: '',
});

export const formOf = (post: PostDetail): PostForm => ({
  title: post.title,
  summary: post.summary,
  category: post.category,
  tags: post.tags.join(', '),
  body: post.body,
});

export function tagsOf(text: string): string[] {
  const tags = text.split(',').map((tag) => tag.trim().toLowerCase());
  return [...new Set(tags.filter((tag) => tag !== ''))];
}

/** The fields the server would refuse. */
export function problemsOf(form: PostForm): FormProblem[] {
  const tags = tagsOf(form.tags);
  const problems: FormProblem[] = [];
  const title = form.title.trim().length;
  if (title === 0 || title > LIMITS.title) problems.push('title');
  if (form.summary.trim().length > LIMITS.summary) problems.push('summary');
  const body = form.body.trim().length;
  if (body === 0 || body > LIMITS.body) problems.push('body');
  if (tags.length > LIMITS.tags || tags.some((tag) => tag.length > LIMITS.tag)) {
    problems.push('tags');
  }
  return problems;
}

export const postOf = (form: PostForm): NewPost => ({
  title: form.title.trim(),
  summary: form.summary.trim(),
  category: form.category,
  tags: tagsOf(form.tags),
  body: form.body,
});
