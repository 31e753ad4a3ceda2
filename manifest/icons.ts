import { PNG } from 'pngjs';

/** óiBO blue on the colour icon; also the manifest's accentColor. */
export const ACCENT_COLOR = '#1F5AA6';

type Shape = (x: number, y: number) => boolean;

// Math.hypot is several times slower than this, and the icons sample ~600,000 points.
const length = (dx: number, dy: number): number => Math.sqrt(dx * dx + dy * dy);

const ring =
  (cx: number, cy: number, rx: number, ry: number, width: number): Shape =>
  (x, y) => {
    // rx, ry are the stroke's centre line, so bars drawn to the same y meet the ring flush.
    const d = length((x - cx) / rx, (y - cy) / ry);
    return Math.abs(d - 1) * Math.min(rx, ry) <= width / 2;
  };

const halfRing =
  (cx: number, cy: number, rx: number, ry: number, width: number): Shape =>
  (x, y) =>
    x >= cx && ring(cx, cy, rx, ry, width)(x, y);

const capsule =
  (ax: number, ay: number, bx: number, by: number, radius: number): Shape =>
  (x, y) => {
    const [dx, dy] = [bx - ax, by - ay];
    const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
    return length(x - (ax + t * dx), y - (ay + t * dy)) <= radius;
  };

const disc =
  (cx: number, cy: number, r: number): Shape =>
  (x, y) =>
    length(x - cx, y - cy) <= r;

const union =
  (...shapes: Shape[]): Shape =>
  (x, y) =>
    shapes.some((shape) => shape(x, y));

/** The "óiBO" word mark in a 192-unit box: ó, i, B, O. */
function wordMark(): Shape {
  const stroke = 11;
  const r = stroke / 2;
  return union(
    ring(40, 112, 21, 23, stroke), // ó
    capsule(40, 74, 52, 58, r), // its acute accent
    capsule(76, 98, 76, 134, r), // i
    disc(76, 80, 7),
    capsule(96, 72, 96, 135, r), // B: stem and bars
    capsule(96, 72, 110, 72, r),
    capsule(96, 102, 112, 102, r),
    capsule(96, 135, 113, 135, r),
    halfRing(110, 87, 15, 15, stroke),
    halfRing(113, 118.5, 17, 16.5, stroke),
    ring(154, 103.5, 22, 32, stroke), // O
  );
}

/** The accented "ó" alone, for the 32×32 outline icon. */
function outlineMark(): Shape {
  return union(ring(16, 20, 9, 9, 3.2), capsule(15, 6.5, 20, 2.5, 1.6));
}

/**
 * Fraction of a pixel covered by a shape, by 4×4 supersampling (anti-aliased edges). A pixel
 * whose centre and corners agree is taken as wholly in or out: every stroke is wider than a
 * pixel, and sampling only the edges keeps rendering fast.
 */
function coverage(shape: Shape, px: number, py: number): number {
  const probes = [
    [0.5, 0.5],
    [0, 0],
    [1, 0],
    [0, 1],
    [1, 1],
  ].map(([dx, dy]) => shape(px + dx!, py + dy!));
  if (probes.every((inside) => inside === probes[0])) return probes[0] ? 1 : 0;
  let hits = 0;
  for (let i = 0; i < 4; i++) {
    for (let j = 0; j < 4; j++) {
      if (shape(px + (i + 0.5) / 4, py + (j + 0.5) / 4)) hits++;
    }
  }
  return hits / 16;
}

function hexToRgb(hex: string): [number, number, number] {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/**
 * 192×192 colour icon: white word mark on a full accent-coloured square (Teams rounds the
 * corners itself), the mark scaled into the central 120×120 safe region of Teams' icon guidelines.
 */
export function renderColorIcon(): PNG {
  const size = 192;
  const png = new PNG({ width: size, height: size });
  const [ar, ag, ab] = hexToRgb(ACCENT_COLOR);
  const word = wordMark();
  const scale = 0.68;
  const mark: Shape = (x, y) => word((x - 96) / scale + 97.5, (y - 96) / scale + 97);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const fg = coverage(mark, x, y);
      const i = (y * size + x) * 4;
      png.data[i] = Math.round(ar + (255 - ar) * fg);
      png.data[i + 1] = Math.round(ag + (255 - ag) * fg);
      png.data[i + 2] = Math.round(ab + (255 - ab) * fg);
      png.data[i + 3] = 255;
    }
  }
  return png;
}

/** 32×32 outline icon: white on transparent, as Teams requires. */
export function renderOutlineIcon(): PNG {
  const size = 32;
  const png = new PNG({ width: size, height: size });
  const mark = outlineMark();
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const i = (y * size + x) * 4;
      png.data.fill(255, i, i + 3);
      png.data[i + 3] = Math.round(255 * coverage(mark, x, y));
    }
  }
  return png;
}

export function encodePng(png: PNG): Buffer {
  return PNG.sync.write(png, { colorType: 6 });
}

/** What Teams requires of the two icons; an empty list when both are fine. */
export function iconProblems(color: Buffer, outline: Buffer): string[] {
  const problems: string[] = [];
  const c = PNG.sync.read(color);
  if (c.width !== 192 || c.height !== 192) {
    problems.push(`color.png: must be 192×192, is ${c.width}×${c.height}`);
  }
  const o = PNG.sync.read(outline);
  if (o.width !== 32 || o.height !== 32) {
    problems.push(`outline.png: must be 32×32, is ${o.width}×${o.height}`);
  }
  let transparent = 0;
  let coloured = 0;
  for (let i = 0; i < o.data.length; i += 4) {
    if (o.data[i + 3] === 0) transparent++;
    else if (o.data[i] !== 255 || o.data[i + 1] !== 255 || o.data[i + 2] !== 255) coloured++;
  }
  if (transparent === 0) problems.push('outline.png: must have a transparent background');
  if (coloured > 0) problems.push(`outline.png: ${coloured} visible pixels are not white`);
  return problems;
}
