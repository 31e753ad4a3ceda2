/** Regenerates manifest/color.png and manifest/outline.png: `npx tsx manifest/generate-icons.ts`. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { encodePng, renderColorIcon, renderOutlineIcon } from './icons';

writeFileSync(join(__dirname, 'color.png'), encodePng(renderColorIcon()));
writeFileSync(join(__dirname, 'outline.png'), encodePng(renderOutlineIcon()));
console.log('wrote manifest/color.png and manifest/outline.png');
