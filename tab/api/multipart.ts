import busboy from 'busboy';
import type restify from 'restify';
import { ImageError } from '../../core/media/image-errors';
import { IMAGE_LIMITS } from '../../core/media/image-limits';
import { sniffImage } from '../../core/media/images';

export interface ImageUpload {
  image: Buffer;
  /** The text fields asked for (others refuse the form), as sent. */
  fields: Record<string, string>;
}

/** Why a form was refused as it was read: the file's type or size, or the form itself. */
export type UploadProblem = 'tooLarge' | 'unsupportedType' | 'missing' | 'badForm';

export interface FileUpload {
  data: Buffer;
  /** The file's name and declared type as the client sent them (never trusted for the type). */
  filename: string;
  declaredType: string;
  fields: Record<string, string>;
}

export interface UploadRules {
  fileField: string;
  fields: readonly string[];
  maxBytes: number;
  /** Whether the file's first {@link SIGNATURE_BYTES} bytes name an allowed format. */
  accepts(head: Buffer): boolean;
  /** The feature's error for a refusal. */
  refuse(problem: UploadProblem): Error;
}

/** Room for the form's text fields and part headers beside the image. */
const FORM_OVERHEAD_BYTES = 64 * 1024;
/** Longer than any text field the app accepts, in UTF-8; a longer one refuses the form. */
const MAX_FIELD_BYTES = 8 * 1024;
/** The first bytes must name an allowed format: enough for every signature. */
const SIGNATURE_BYTES = 8;

/**
 * Reads a `multipart/form-data` upload of one image (the part `fileField`) and a few text
 * fields: {@link readUpload} with the image pipeline's limit and signatures. The bytes returned
 * are checked further and decoded by the image pipeline.
 */
export async function readImageUpload(
  req: restify.Request,
  res: restify.Response,
  { fileField, fields }: { fileField: string; fields: readonly string[] },
): Promise<ImageUpload> {
  const upload = await readUpload(req, res, {
    fileField,
    fields,
    maxBytes: IMAGE_LIMITS.maxBytes,
    accepts: (head) => sniffImage(head) !== undefined,
    refuse: (problem) => new ImageError(problem),
  });
  return { image: upload.data, fields: upload.fields };
}

/**
 * Reads a `multipart/form-data` upload of one file (the part `fileField`) and a few text
 * fields, with busboy (streaming, limits on the file, fields and parts). Limits hold before
 * the file is held in memory: a declared length beyond the limit is refused before reading; a
 * file is refused by its first bytes unless `accepts` them (the rest is discarded, not kept); a
 * file past the size limit is refused as the limit is crossed; a body that goes on past the
 * limit (chunked) ends the connection.
 */
export function readUpload(
  req: restify.Request,
  res: restify.Response,
  rules: UploadRules,
): Promise<FileUpload> {
  const { fileField, fields } = rules;
  const cap = rules.maxBytes + FORM_OVERHEAD_BYTES;
  if (req.getContentLength() > cap) return Promise.reject(rules.refuse('tooLarge'));
  return new Promise((resolve, reject) => {
    let form: busboy.Busboy;
    try {
      form = busboy({
        headers: req.headers,
        limits: {
          fileSize: rules.maxBytes,
          files: 1,
          fields: fields.length,
          parts: fields.length + 1,
          fieldSize: MAX_FIELD_BYTES,
          headerPairs: 20,
        },
      });
    } catch {
      reject(rules.refuse('badForm'));
      return;
    }
    let problem: Error | undefined;
    const refuse = (code: UploadProblem) => {
      problem ??= rules.refuse(code);
    };
    const chunks: Buffer[] = [];
    let file: Buffer | undefined;
    let filename = '';
    let declaredType = '';
    const values: Record<string, string> = {};

    form.on('file', (name, stream, info) => {
      if (name !== fileField) {
        refuse('badForm');
        stream.resume();
        return;
      }
      filename = info.filename ?? '';
      declaredType = info.mimeType;
      let head = Buffer.alloc(0);
      let checked = false;
      stream.on('data', (chunk: Buffer) => {
        if (problem) return;
        if (!checked) {
          head = Buffer.concat([head, chunk]);
          if (head.length < SIGNATURE_BYTES) return;
          checked = true;
          if (!rules.accepts(head)) return refuse('unsupportedType');
          chunks.push(head);
          return;
        }
        chunks.push(chunk);
      });
      stream.on('limit', () => refuse('tooLarge'));
      stream.on('end', () => {
        if (!checked && !problem) refuse(head.length === 0 ? 'missing' : 'unsupportedType');
        if (!problem) file = Buffer.concat(chunks);
        chunks.length = 0;
      });
    });
    form.on('field', (name, value, info) => {
      if (!fields.includes(name) || name in values || info.valueTruncated) refuse('badForm');
      else values[name] = value;
    });
    // A part beyond these is refused; busboy stops parsing at `parts` (and says so on reaching it).
    for (const limit of ['filesLimit', 'fieldsLimit'] as const) {
      form.on(limit, () => refuse('badForm'));
    }
    form.on('error', () => {
      req.unpipe(form);
      req.resume();
      reject(problem ?? rules.refuse('badForm'));
    });
    form.on('close', () => {
      if (problem) return reject(problem);
      if (!file) return reject(rules.refuse('missing'));
      resolve({ data: file, filename, declaredType, fields: values });
    });

    // A body longer than it may be (sent chunked) is not read to its end.
    let received = 0;
    req.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received <= cap) return;
      req.unpipe(form);
      req.pause();
      res.setHeader('connection', 'close');
      reject(rules.refuse('tooLarge'));
    });
    req.pipe(form);
  });
}
