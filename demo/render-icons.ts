// `npm run icons`: renders icons/icon.svg (48, 128 px) and icons/icon-small.svg (16, 32 px) to the PNGs
// the manifest lists, with headless Chromium so the output matches what the browser itself draws.
import { chromium } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromiumArgs, findChromium, NO_CHROMIUM_HELP } from './chromium';

const ICONS = resolve(import.meta.dirname, '../icons');
/** Below 48 px the digits blur together: the small source draws a keyhole instead. */
const SIZES: [number, string][] = [
  [16, 'icon-small.svg'],
  [32, 'icon-small.svg'],
  [48, 'icon.svg'],
  [128, 'icon.svg'],
];

async function main(): Promise<void> {
  const executablePath = findChromium();
  if (!executablePath) {
    console.error(NO_CHROMIUM_HELP);
    process.exit(1);
  }
  const browser = await chromium.launch({ executablePath, headless: true, args: chromiumArgs() });
  try {
    const page = await browser.newPage({ deviceScaleFactor: 1 });
    for (const [size, source] of SIZES) {
      const svg = readFileSync(resolve(ICONS, source), 'utf8');
      await page.setViewportSize({ width: size, height: size });
      // The SVG scales to the box through its viewBox; a transparent page keeps the corners clear.
      await page.setContent(
        `<html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg style="display:block;width:${size}px;height:${size}px" `)}</body></html>`,
      );
      const png = await page.screenshot({
        omitBackground: true,
        clip: { x: 0, y: 0, width: size, height: size },
      });
      writeFileSync(resolve(ICONS, `icon-${size}.png`), png);
      console.log(`icons/icon-${size}.png  ${size}×${size}  from ${source}  (${png.length} bytes)`);
    }
  } finally {
    await browser.close();
  }
}

await main();
