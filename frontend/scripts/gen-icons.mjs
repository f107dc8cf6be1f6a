// Renders the installable app's icons (public/icons/*.png) from public/favicon.svg
// in Chromium (playwright-core, the browser the e2e suite uses): 192 and 512 px,
// and a maskable 512 px whose mark sits inside the 80 % safe zone on the brand colour.
// Run again after changing the favicon: `node scripts/gen-icons.mjs`.
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { chromium } from 'playwright-core';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const svg = readFileSync(join(root, 'public', 'favicon.svg'), 'utf8');
const out = join(root, 'public', 'icons');
mkdirSync(out, { recursive: true });
const BRAND = '#7a1f2b';

const icons = [
  { file: 'icon-192.png', size: 192, padding: 0, background: 'transparent' },
  { file: 'icon-512.png', size: 512, padding: 0, background: 'transparent' },
  { file: 'icon-maskable-512.png', size: 512, padding: 0.2, background: BRAND },
];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
try {
  for (const icon of icons) {
    const page = await browser.newPage({ viewport: { width: icon.size, height: icon.size } });
    const inset = Math.round(icon.size * icon.padding);
    await page.setContent(
      `<html><body style="margin:0;background:${icon.background}">` +
        `<div style="position:absolute;inset:${inset}px">${svg.replace('<svg ', '<svg width="100%" height="100%" ')}</div>` +
        '</body></html>',
    );
    await page.screenshot({ path: join(out, icon.file), omitBackground: icon.background === 'transparent' });
    await page.close();
    console.log(`public/icons/${icon.file}`);
  }
} finally {
  await browser.close();
}
