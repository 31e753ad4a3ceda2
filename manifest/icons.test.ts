import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { encodePng, iconProblems, renderColorIcon, renderOutlineIcon } from './icons';

const committed = (file: string): Buffer => readFileSync(join(__dirname, file));

describe('app icons', () => {
  it('has a 192×192 opaque colour icon', () => {
    const png = PNG.sync.read(committed('color.png'));
    expect([png.width, png.height]).toEqual([192, 192]);
    const alphas = new Set(png.data.filter((_, i) => i % 4 === 3));
    expect([...alphas]).toEqual([255]);
  });

  it('has a 32×32 outline icon, white on transparent', () => {
    const png = PNG.sync.read(committed('outline.png'));
    expect([png.width, png.height]).toEqual([32, 32]);
    const pixels = Array.from({ length: 32 * 32 }, (_, p) => png.data.subarray(p * 4, p * 4 + 4));
    const visible = pixels.filter((px) => px[3]! > 0);
    expect(pixels.some((px) => px[3] === 0)).toBe(true);
    expect(visible.length).toBeGreaterThan(0);
    expect(visible.every((px) => px[0] === 255 && px[1] === 255 && px[2] === 255)).toBe(true);
    expect(iconProblems(committed('color.png'), committed('outline.png'))).toEqual([]);
  });

  it('commits exactly what generate-icons.ts draws', () => {
    // Buffer.equals: Jest's deep equality walks 147,456 bytes one by one and takes seconds.
    expect(PNG.sync.read(committed('color.png')).data.equals(renderColorIcon().data)).toBe(true);
    expect(PNG.sync.read(committed('outline.png')).data.equals(renderOutlineIcon().data)).toBe(
      true,
    );
  });

  it('reports icons of the wrong size or colour', () => {
    const grey = renderOutlineIcon();
    for (let i = 0; i < grey.data.length; i += 4) grey.data[i] = 128;
    const problems = iconProblems(encodePng(renderOutlineIcon()), encodePng(grey));
    expect(problems).toContain('color.png: must be 192×192, is 32×32');
    expect(problems).toContainEqual(
      expect.stringMatching(/^outline.png: \d+ visible pixels are not white$/),
    );

    const opaque = new PNG({ width: 32, height: 32 });
    opaque.data.fill(255);
    expect(iconProblems(encodePng(renderColorIcon()), encodePng(opaque))).toEqual([
      'outline.png: must have a transparent background',
    ]);
  });
});
