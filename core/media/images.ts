import sharp, { type Sharp } from 'sharp';
import { Semaphore } from '../util/semaphore';
import { ImageError } from './image-errors';
import { CARD_IMAGE, IMAGE_LIMITS, THUMBNAIL_SIDE } from './image-limits';

// libvips' operation cache keeps decoded images between calls: memory an upload server needs
// bounded, for work it never repeats (every upload is a new image).
sharp.cache(false);

export type ImageFormat = 'png' | 'jpeg';

export const CONTENT_TYPES: Record<ImageFormat, string> = {
  png: 'image/png',
  jpeg: 'image/jpeg',
};

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG_SIGNATURE = [0xff, 0xd8, 0xff];

/**
 * The format by the file's first bytes: the allow-list. Nothing else reaches a decoder, whatever
 * the name or the declared type say: sharp decodes SVG, TIFF, GIF, HEIF and more.
 */
export function sniffImage(head: Uint8Array): ImageFormat | undefined {
  const starts = (signature: number[]) => signature.every((byte, i) => head[i] === byte);
  if (starts(PNG_SIGNATURE)) return 'png';
  if (starts(JPEG_SIGNATURE)) return 'jpeg';
  return undefined;
}

export interface ImageVariant {
  data: Buffer;
  contentType: string;
  width: number;
  height: number;
}

/** The variants kept of one upload, every one decoded and encoded anew. */
export interface PreparedImage {
  /** At its own size, in its own format. */
  full: ImageVariant;
  /** For galleries: at most {@link THUMBNAIL_SIDE} px a side. */
  thumbnail: ImageVariant;
  /** For Adaptive Cards: ≤ 1024 × 1024 px and ≤ 1 MB. */
  card: ImageVariant;
}

/**
 * Uploads read and processed at once, at most: each holds its file (≤ 5 MB) and a decoded image
 * (tens of MB) and takes the cores libvips gives it; the others wait unread (TCP holds them).
 */
const DEFAULT_SLOTS = 1;
/** JPEG qualities tried, best first, until a card image fits in its byte limit. */
const CARD_QUALITIES = [85, 70, 55, 40];

/**
 * The app's one image pipeline: checks an upload by content and limits before decoding, then
 * decodes it and encodes each variant anew. Encoding drops everything but the pixels: EXIF (GPS
 * position, camera, dates), ICC comments, text chunks, and whatever was appended after the
 * image's end (a polyglot's HTML or archive). An upload is read and processed inside one of a
 * few slots ({@link admit}), so that memory stays bounded however many arrive at once.
 */
export class ImagePipeline {
  private readonly slots: Semaphore;

  constructor(slots = DEFAULT_SLOTS) {
    this.slots = new Semaphore(slots);
  }

  /** Runs `upload` (read the request, {@link prepare}, store) when a slot is free. */
  admit<T>(upload: () => Promise<T>): Promise<T> {
    return this.slots.run(upload);
  }

  async prepare(data: Buffer): Promise<PreparedImage> {
    if (data.length > IMAGE_LIMITS.maxBytes) throw new ImageError('tooLarge');
    const format = sniffImage(data);
    if (!format) throw new ImageError('unsupportedType');
    await checkHeader(data, format);
    try {
      // One after the other: one decoded image in memory per upload, not three.
      const full = await encode(decoder(data), format);
      const thumbnail = await encode(decoder(data).resize(fitInside(THUMBNAIL_SIDE)), format);
      const card = await cardVariant(data, format);
      return { full, thumbnail, card };
    } catch (error) {
      if (error instanceof ImageError) throw error;
      throw new ImageError('undecodable');
    }
  }
}

const decoderOptions = {
  limitInputPixels: IMAGE_LIMITS.maxSide * IMAGE_LIMITS.maxSide,
  failOn: 'error',
} as const;

/** Decoding, turned upright by its EXIF orientation (which is then dropped with the rest). */
function decoder(data: Buffer): Sharp {
  return sharp(data, decoderOptions).rotate();
}

/**
 * Reads only the header (no pixels are decoded): a 100,000 × 100,000 px PNG of a few KB, a
 * decompression bomb, is refused here, and sharp's `limitInputPixels` refuses it again if a
 * header lied.
 */
async function checkHeader(data: Buffer, format: ImageFormat): Promise<void> {
  let metadata: sharp.Metadata;
  try {
    metadata = await sharp(data, { ...decoderOptions, limitInputPixels: false }).metadata();
  } catch {
    throw new ImageError('undecodable');
  }
  if (metadata.format !== format) throw new ImageError('unsupportedType');
  const { width, height } = metadata;
  if (!width || !height) throw new ImageError('undecodable');
  if (width > IMAGE_LIMITS.maxSide || height > IMAGE_LIMITS.maxSide) {
    throw new ImageError('tooManyPixels');
  }
}

function fitInside(side: number): sharp.ResizeOptions {
  return { width: side, height: side, fit: 'inside', withoutEnlargement: true };
}

async function encode(image: Sharp, format: ImageFormat, quality = 88): Promise<ImageVariant> {
  const encoded = format === 'png' ? image.png() : image.jpeg({ quality });
  const { data, info } = await encoded.toBuffer({ resolveWithObject: true });
  return { data, contentType: CONTENT_TYPES[format], width: info.width, height: info.height };
}

/**
 * The card's image within Teams' limits: its own format when that fits in 1 MB; else a PNG
 * (a large photo-like logo) becomes a JPEG on white, at lower qualities until it fits.
 */
async function cardVariant(data: Buffer, format: ImageFormat): Promise<ImageVariant> {
  const resized = () => decoder(data).resize(fitInside(CARD_IMAGE.maxSide));
  if (format === 'png') {
    const png = await encode(resized(), 'png');
    if (png.data.length <= CARD_IMAGE.maxBytes) return png;
  }
  for (const quality of CARD_QUALITIES) {
    const jpeg = await encode(resized().flatten({ background: '#ffffff' }), 'jpeg', quality);
    if (jpeg.data.length <= CARD_IMAGE.maxBytes) return jpeg;
  }
  throw new ImageError('undecodable');
}
