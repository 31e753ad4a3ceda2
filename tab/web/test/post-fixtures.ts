import type { BoardQuestion, Me, PostDetail, PostPerson } from '../src/api/types';
import { giulia, sara } from './fixtures';

export const postPerson = (me: Pick<Me, 'objectId' | 'displayName'>): PostPerson => ({
  objectId: me.objectId,
  displayName: me.displayName ?? '',
  former: false,
});

/** A published guide by Sara, with an image and a PDF, read by Giulia's department. */
export function guidePost(overrides: Partial<PostDetail> = {}): PostDetail {
  const id = overrides.id ?? 'post-guide';
  return {
    id,
    title: 'Come usare Planner',
    summary: 'Le attività del settore in un piano condiviso.',
    category: 'guide',
    tags: ['planner', 'attività'],
    state: 'published',
    author: postPerson(sara),
    createdAt: '2026-11-02T09:00:00.000Z',
    publishedAt: '2026-11-03T09:00:00.000Z',
    updatedAt: '2026-11-04T09:00:00.000Z',
    version: 2,
    useful: 3,
    marked: false,
    body: '## Primi passi\n\nApri **Planner** dal canale del settore.',
    attachments: [
      {
        id: 'att-pdf',
        name: 'planner.pdf',
        contentType: 'application/pdf',
        bytes: 240_000,
        kind: 'document',
        url: `/api/v1/posts/${id}/attachments/att-pdf`,
      },
    ],
    facilitators: [{ objectId: sara.objectId, displayName: 'Sara Conti' }],
    department: giulia.department,
    links: { tab: `/tab/?post=${id}`, teams: null },
    etag: `W/"${id}-2"`,
    may: { edit: false, publish: false, delete: false, mark: true },
    ...overrides,
  };
}

/** A news item with no attachments, older than the guide. */
export function newsPost(overrides: Partial<PostDetail> = {}): PostDetail {
  return guidePost({
    id: 'post-news',
    title: 'Nuovo laboratorio sui pagamenti',
    summary: 'Si parte a dicembre.',
    category: 'news',
    tags: ['pagopa'],
    publishedAt: '2026-10-20T09:00:00.000Z',
    version: 1,
    useful: 0,
    body: 'Iscrizioni aperte.',
    attachments: [],
    ...overrides,
  });
}

export function boardQuestion(overrides: Partial<BoardQuestion> = {}): BoardQuestion {
  return {
    id: 'q1',
    title: 'Come si prenota la sala?',
    author: postPerson(sara),
    createdAt: '2026-11-05T09:00:00.000Z',
    activeAt: '2026-11-05T10:00:00.000Z',
    replies: 1,
    solved: false,
    text: 'Per il prossimo incontro dei facilitatori.',
    replyList: [
      {
        id: 'r1',
        author: { objectId: null, displayName: 'Ex collega', former: true },
        text: 'Dal portale delle sale.',
        createdAt: '2026-11-05T10:00:00.000Z',
        solution: false,
      },
    ],
    may: { solve: true },
    ...overrides,
  };
}
