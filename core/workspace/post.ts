import { randomBytes } from 'node:crypto';
import MarkdownIt from 'markdown-it';
import { z } from 'zod';

/** The facilitators' workspace (issue 18): posts, their versions and "utile" marks. */

export const POST_CATEGORIES = ['guide', 'news', 'event', 'material'] as const;
export type PostCategory = (typeof POST_CATEGORIES)[number];
export type PostState = 'draft' | 'published';

/** Lengths the server enforces (the README states them). */
export const POST_LIMITS = {
  title: 140,
  summary: 300,
  body: 20_000,
  tags: 10,
  tag: 40,
  reason: { min: 3, max: 1_000 },
} as const;

/**
 * Someone who signed something: their object id and name as the directory had them when they
 * signed; both null once the person's data was erased ("former employee").
 */
export interface Signer {
  objectId: string | null;
  name: string | null;
}

export interface PostContent {
  title: string;
  summary: string;
  /** Markdown as written; the tab renders it sanitised. */
  body: string;
  category: PostCategory;
  tags: string[];
}

export interface Post extends PostContent {
  id: string;
  state: PostState;
  author: Signer;
  /** Who wrote the current version (the author, or an admin who edited it). */
  editor: Signer;
  createdAt: Date;
  publishedAt: Date | null;
  updatedAt: Date;
  /** 1 when written, +1 per edit: the earlier ones are {@link PostVersion}s. */
  version: number;
  /** "Utile" marks, kept equal to the mark rows by a recount after each mark. */
  useful: number;
  /**
   * A deleted post stays as a tombstone (title and author kept for the notice to its author, no
   * summary, body or tags), so every instance's view drops it; `reason` is an admin's, told to the
   * author when the post was someone else's.
   */
  deleted: { at: Date; reason: string | null } | null;
  attachments: Attachment[];
}

/** A file of a post: its bytes in the blob store under `blob`, an unguessable name. */
export interface Attachment {
  id: string;
  /** The name shown and offered on download (cleaned; its extension the format's). */
  name: string;
  contentType: string;
  bytes: number;
  kind: 'image' | 'document';
  blob: string;
}

export const MAX_ATTACHMENTS = 20;
/** Documents up to 20 MB; images as the image pipeline allows (5 MB). */
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

/** The content of a post before an edit replaced it, with who wrote that version and when. */
export interface PostVersion extends PostContent {
  postId: string;
  version: number;
  editor: Signer;
  at: Date;
}

export const POST_ID = /^[0-9a-z]{9}-[0-9a-f]{8}$/;

/** Ids sort by creation (a base-36 time) and cannot be guessed (32 random bits). */
export function newPostId(at: Date): string {
  return `${at.getTime().toString(36).padStart(9, '0')}-${randomBytes(4).toString('hex')}`;
}

const Tag = z
  .string()
  .trim()
  .min(1)
  .max(POST_LIMITS.tag)
  .transform((tag) => tag.toLowerCase());

/** A post as a writer sends it (create, or the whole post on an edit). */
export const PostInput = z.strictObject({
  title: z.string().trim().min(1).max(POST_LIMITS.title),
  summary: z.string().trim().max(POST_LIMITS.summary).default(''),
  body: z
    .string()
    .min(1)
    .max(POST_LIMITS.body)
    .refine((body) => body.trim().length > 0),
  category: z.enum(POST_CATEGORIES),
  tags: z
    .array(Tag)
    .max(POST_LIMITS.tags)
    .default([])
    .transform((tags) => [...new Set(tags)]),
});
export type PostInput = z.output<typeof PostInput>;

// Raw HTML is not parsed (it stays text); links are as the renderer would find them.
const markdown = new MarkdownIt({ html: false, linkify: false });
type Token = ReturnType<typeof markdown.parse>[number];

function textOf(tokens: readonly Token[], out: string[]): void {
  for (const token of tokens) {
    if (token.children) textOf(token.children, out);
    else if (token.type === 'text' || token.type === 'code_inline') out.push(token.content);
    else if (token.type === 'code_block' || token.type === 'fence') out.push(token.content);
    else if (token.type === 'softbreak' || token.type === 'hardbreak') out.push(' ');
    if (token.block && token.nesting !== 1) out.push('\n');
  }
}

/**
 * The words of a Markdown body as plain text, what search indexes and cards show: markup,
 * link targets and image addresses gone (an image leaves its alt text), HTML kept as literal text.
 */
export function plainText(body: string): string {
  const out: string[] = [];
  textOf(markdown.parse(body, {}), out);
  return out
    .join('')
    .replace(/[ \t]+/g, ' ')
    .replace(/\s*\n\s*/g, '\n')
    .trim();
}
