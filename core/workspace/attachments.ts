import { randomBytes } from 'node:crypto';
import { DomainError } from '../errors';
import type { MessageKey, Params } from '../i18n/translator';
import { ImageError } from '../media/image-errors';
import { IMAGE_LIMITS } from '../media/image-limits';
import { sniffImage, type ImagePipeline } from '../media/images';
import type { BlobStore, StoredBlob } from '../store/blobs';
import { DOCUMENT_TYPES, sniffDocument } from './documents';
import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS, type Attachment, type Post } from './post';
import { POSTS_PARTITION, type PostsRepository } from './posts.repository';
import type { Actor, PostsService } from './posts.service';
import { WorkspaceError } from './workspace-errors';

/** The container of the posts' files. */
export const WORKSPACE_FILES_CONTAINER = 'workspace-files';

export type AttachmentProblem =
  'unsupportedType' | 'tooLarge' | 'missing' | 'badForm' | 'tooMany' | 'notFound';

const STATUS: Record<AttachmentProblem, number> = {
  unsupportedType: 415,
  tooLarge: 413,
  missing: 400,
  badForm: 400,
  tooMany: 409,
  notFound: 404,
};

/** Why a file was refused (nothing stored), or is not there. */
export class AttachmentError extends DomainError {
  readonly status: number;
  readonly code: string;
  readonly messageKey: MessageKey;
  override readonly params: Params = {
    megabytes: MAX_ATTACHMENT_BYTES / (1024 * 1024),
    imageMegabytes: IMAGE_LIMITS.maxBytes / (1024 * 1024),
    files: MAX_ATTACHMENTS,
  };

  constructor(problem: AttachmentProblem) {
    super(`attachment: ${problem}`);
    this.status = STATUS[problem];
    this.code = `workspace.file.${problem}`;
    this.messageKey = `workspace.file.${problem}`;
  }
}

const EXTENSIONS: Record<string, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  ...Object.fromEntries(Object.entries(DOCUMENT_TYPES).map(([ext, type]) => [type, ext])),
};

/** A name safe to show and to offer on download: no path, no control characters, its format's extension. */
export function cleanName(filename: string, contentType: string): string {
  const ext = EXTENSIONS[contentType] ?? 'bin';
  const base = (filename.split(/[\\/]/).pop() ?? '')
    .replace(/[\p{Cc}\p{Cf}"<>|:*?]/gu, '')
    .replace(/\.[^.]*$/, '')
    .trim()
    .slice(0, 120);
  return `${base || 'file'}.${ext}`;
}

/**
 * The files of posts: an image goes through the image pipeline (checked by content, re-encoded
 * without metadata: the contest's checks); a document must be a PDF or an office document by its
 * content. Stored under an unguessable name, then listed on the post; read back through the app
 * by whoever may read the post.
 */
export class PostAttachments {
  constructor(
    private readonly deps: {
      posts: PostsService;
      repository: PostsRepository;
      blobs: BlobStore;
      images: ImagePipeline;
    },
  ) {}

  async attach(
    actor: Actor,
    postId: string,
    upload: { data: Buffer; filename: string },
  ): Promise<{ attachment: Attachment; etag: string }> {
    const { value: post } = await this.deps.posts.read(actor, postId);
    if (!this.deps.posts.mayChange(actor, post)) throw new WorkspaceError('forbidden');
    if (post.attachments.length >= MAX_ATTACHMENTS) throw new AttachmentError('tooMany');
    const file = await this.prepare(upload.data);
    const id = randomBytes(8).toString('hex');
    const attachment: Attachment = {
      id,
      name: cleanName(upload.filename, file.contentType),
      contentType: file.contentType,
      bytes: file.data.length,
      kind: file.kind,
      blob: `${postId}/${randomBytes(16).toString('hex')}`,
    };
    await this.deps.blobs.put(
      WORKSPACE_FILES_CONTAINER,
      attachment.blob,
      file.data,
      file.contentType,
    );
    try {
      const changed = await this.change(postId, (p) =>
        p.attachments.length >= MAX_ATTACHMENTS
          ? undefined
          : { ...p, attachments: [...p.attachments, attachment] },
      );
      if (!changed.value.attachments.some((a) => a.id === id)) throw new AttachmentError('tooMany');
      return { attachment, etag: changed.etag };
    } catch (error) {
      await this.deps.blobs.delete(WORKSPACE_FILES_CONTAINER, [attachment.blob]);
      throw error;
    }
  }

  async file(
    actor: Pick<Actor, 'objectId' | 'admin'>,
    postId: string,
    id: string,
  ): Promise<{ attachment: Attachment; blob: StoredBlob }> {
    const { value: post } = await this.deps.posts.read(actor, postId);
    const attachment = post.attachments.find((a) => a.id === id);
    const blob =
      attachment && (await this.deps.blobs.get(WORKSPACE_FILES_CONTAINER, attachment.blob));
    if (!attachment || !blob) throw new AttachmentError('notFound');
    return { attachment, blob };
  }

  async detach(actor: Actor, postId: string, id: string): Promise<void> {
    const { value: post } = await this.deps.posts.read(actor, postId);
    if (!this.deps.posts.mayChange(actor, post)) throw new WorkspaceError('forbidden');
    const attachment = post.attachments.find((a) => a.id === id);
    if (!attachment) throw new AttachmentError('notFound');
    await this.change(postId, (p) => ({
      ...p,
      attachments: p.attachments.filter((a) => a.id !== id),
    }));
    await this.deps.blobs.delete(WORKSPACE_FILES_CONTAINER, [attachment.blob]);
  }

  private async prepare(
    data: Buffer,
  ): Promise<{ data: Buffer; contentType: string; kind: 'image' | 'document' }> {
    if (sniffImage(data)) {
      try {
        const { full } = await this.deps.images.prepare(data);
        return { data: full.data, contentType: full.contentType, kind: 'image' };
      } catch (error) {
        if (error instanceof ImageError && error.code === 'tooLarge') {
          throw new AttachmentError('tooLarge');
        }
        throw error;
      }
    }
    const format = sniffDocument(data);
    if (!format) throw new AttachmentError('unsupportedType');
    return { data, contentType: DOCUMENT_TYPES[format], kind: 'document' };
  }

  /** Changes the post's row under conflict retry; the post and its new etag. */
  private async change(postId: string, change: (post: Post) => Post | undefined) {
    const keys = { partitionKey: POSTS_PARTITION, rowKey: postId };
    await this.deps.repository.posts.modify(keys, (row) => {
      if (!row || row.post.deleted) throw new WorkspaceError('notFound');
      const next = change(row.post);
      return next && { ...row, post: next };
    });
    const stored = await this.deps.repository.get(postId);
    if (!stored) throw new WorkspaceError('notFound');
    this.deps.posts.view.apply(stored.value);
    return stored;
  }
}
