import { randomBytes } from 'node:crypto';
import { crc32 } from 'node:zlib';
import sharp from 'sharp';

/**
 * Image fixtures made by the tests themselves (no binary files in the repository): a photo-like
 * JPEG of a given size, one carrying an EXIF GPS position, a PNG with HTML after its end, a
 * decompression bomb's header, an SVG with a script.
 */

/** A noisy photo-like JPEG, `width` × `height`, at `quality` (noise makes it large). */
export function photoJpeg(width: number, height: number, quality = 90): Promise<Buffer> {
  return sharp({
    create: {
      width,
      height,
      channels: 3,
      background: '#808080',
      noise: { type: 'gaussian', mean: 128, sigma: 50 },
    },
  })
    .jpeg({ quality })
    .toBuffer();
}

/** A small logo-like PNG with transparency. */
export function logoPng(width = 320, height = 200): Promise<Buffer> {
  return sharp({
    create: { width, height, channels: 4, background: { r: 200, g: 30, b: 60, alpha: 0.8 } },
  })
    .png()
    .toBuffer();
}

/** A JPEG whose EXIF says where it was taken (Bologna, Piazza Maggiore) and with what camera. */
export function jpegWithGps(): Promise<Buffer> {
  return sharp({
    create: { width: 64, height: 48, channels: 3, background: { r: 10, g: 120, b: 200 } },
  })
    .withExif({
      IFD0: { Make: 'OiboTestCamera', Model: 'GPS-1' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '44/1 29/1 384/100',
        GPSLongitudeRef: 'E',
        GPSLongitude: '11/1 20/1 339/100',
      },
    })
    .jpeg()
    .toBuffer();
}

export const HTML_PAYLOAD = '<html><body><script>alert(document.cookie)</script></body></html>';

/** A valid PNG that is also an HTML page to a sniffing browser: the page appended after IEND. */
export async function polyglotPng(): Promise<Buffer> {
  return Buffer.concat([await logoPng(16, 16), Buffer.from(HTML_PAYLOAD)]);
}

/**
 * A decompression bomb: a small PNG whose header declares `side` × `side` pixels (100,000² is
 * 40 GB of RGBA once decoded).
 */
export async function pngBomb(side = 100_000): Promise<Buffer> {
  const png = Buffer.from(await logoPng(8, 8));
  // Signature (8), IHDR length (4), "IHDR" (4), width (4), height (4), …, CRC after 13 bytes.
  png.writeUInt32BE(side, 16);
  png.writeUInt32BE(side, 20);
  png.writeUInt32BE(crc32(png.subarray(12, 29)), 29);
  return png;
}

export const SVG_WITH_SCRIPT = Buffer.from(
  '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100">' +
    '<script>alert(document.domain)</script><circle cx="50" cy="50" r="40"/></svg>',
);

/** `megabytes` of noise behind a PNG signature. */
export function oversized(megabytes: number): Buffer {
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    randomBytes(Math.round(megabytes * 1024 * 1024)),
  ]);
}
