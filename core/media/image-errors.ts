import { DomainError } from '../errors';
import type { MessageKey, Params } from '../i18n/translator';
import { IMAGE_LIMITS } from './image-limits';

/**
 * Why an upload was refused, before anything was stored: not a PNG or JPEG by its content
 * (whatever its name or declared type: SVG, HTML, a renamed file), larger than the size limit,
 * wider or taller than the pixel limit, or not decodable (truncated, corrupt); or the form
 * carried no image, or was not a well-formed form with the expected fields.
 */
export type ImageProblem =
  'unsupportedType' | 'tooLarge' | 'tooManyPixels' | 'undecodable' | 'missing' | 'badForm';

const STATUS: Record<ImageProblem, number> = {
  unsupportedType: 415,
  tooLarge: 413,
  tooManyPixels: 422,
  undecodable: 422,
  missing: 400,
  badForm: 400,
};

export class ImageError extends DomainError {
  readonly status: number;
  readonly messageKey: MessageKey;
  override readonly params: Params = {
    megabytes: IMAGE_LIMITS.maxBytes / (1024 * 1024),
    pixels: IMAGE_LIMITS.maxSide,
  };

  constructor(readonly code: ImageProblem) {
    super(`image: ${code}`);
    this.status = STATUS[code];
    this.messageKey = `media.problem.${code}`;
  }
}
