// The app icon: build-resources/icon.svg (drawn for this project) → PNGs with sharp:
// build-resources/icon.png (1024, electron-builder makes the .icns and .ico from it) and
// build-resources/icons/<n>x<n>.png for Linux. Run after changing the SVG:
//   node scripts/make-icons.mjs
// test/packaging/builder-config.test.ts checks the files exist with these sizes.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dir = path.join(root, 'build-resources');
export const LINUX_SIZES = [16, 32, 48, 64, 128, 256, 512];

const svg = fs.readFileSync(path.join(dir, 'icon.svg'));
fs.mkdirSync(path.join(dir, 'icons'), { recursive: true });
await sharp(svg, { density: 300 }).resize(1024, 1024).png().toFile(path.join(dir, 'icon.png'));
for (const n of LINUX_SIZES) {
  await sharp(svg, { density: 300 })
    .resize(n, n)
    .png()
    .toFile(path.join(dir, 'icons', `${n}x${n}.png`));
}
console.log(`wrote build-resources/icon.png and ${LINUX_SIZES.length} Linux sizes`);
