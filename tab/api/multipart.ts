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

/** Room for the form's text fields and part headers beside the image. */
const FORM_OVERHEAD_BYTES = 64 * 1024;
/** Longer than any text field the app accepts, in UTF-8; a longer one refuses the form. */
const MAX_FIELD_BYTES = 8 * 1024;
/** The first bytes must name an allowed format: enough for every signature. */
const SIGNATURE_BYTES = 8;

/**
 * Reads a `multipart/form-data` upload of one image (the part `fileField`) and a few text
 * fields, with busboy (streaming, limits on the file, fields and parts). Limits hold before
 * the image is held in memory: a declared length beyond the limit is refused before reading; an
 * image is refused by its first bytes unless it is a PNG or JPEG (the rest is discarded, not
 * kept); a file past the size limit is refused as the limit is crossed; a body that goes on
 * past the limit (chunked) ends the connection. The bytes returned are checked further and
 * decoded by the image pipeline.
 */
export function readImageUpload(
  req: restify.Request,
  res: restify.Response,
  { fileField, fields }: { fileField: string; fields: readonly string[] },
): Promise<ImageUpload> {
  const cap = IMAGE_LIMITS.maxBytes + FORM_OVERHEAD_BYTES;
  if (req.getContentLength() > cap) return Promise.reject(new ImageError('tooLarge'));
  return new Promise((resolve, reject) => {
    let form: busboy.Busboy;
    try {
      form = busboy({
        headers: req.headers,
        limits: {
          fileSize: IMAGE_LIMITS.maxBytes,
          files: 1,
          fields: fields.length,
          parts: fields.length + 1,
          fieldSize: MAX_FIELD_BYTES,
          headerPairs: 20,
        },
      });
    } catch {
      reject(new ImageError('badForm'));
      return;
    }
    let problem: ImageError | undefined;
    const refuse = (code: ConstructorParameters<typeof ImageError>[0]) => {
      problem ??= new ImageError(code);
    };
    const chunks: Buffer[] = [];
    let image: Buffer | undefined;
    const values: Record<string, string> = {};

    form.on('file', (name, stream) => {
      if (name !== fileField) {
        refuse('badForm');
        stream.resume();
        return;
      }
      let head = Buffer.alloc(0);
      let checked = false;
      stream.on('data', (chunk: Buffer) => {
        if (problem) return;
        if (!checked) {
          head = Buffer.concat([head, chunk]);
          if (head.length < SIGNATURE_BYTES) return;
          checked = true;
          if (!sniffImage(head)) return refuse('unsupportedType');
          chunks.push(head);
          return;
        }
        chunks.push(chunk);
      });
      stream.on('limit', () => refuse('tooLarge'));
      stream.on('end', () => {
        if (!checked && !problem) refuse(head.length === 0 ? 'missing' : 'unsupportedType');
        if (!problem) image = Buffer.concat(chunks);
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
      reject(problem ?? new ImageError('badForm'));
    });
    form.on('close', () => {
      if (problem) return reject(problem);
      if (!image) return reject(new ImageError('missing'));
      resolve({ image, fields: values });
    });

    // A body longer than it may be (sent chunked) is not read to its end.
    let received = 0;
    req.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received <= cap) return;
      req.unpipe(form);
      req.pause();
      res.setHeader('connection', 'close');
      reject(new ImageError('tooLarge'));
    });
    req.pipe(form);
  });
}
