// Headless Chromium for browser tests: Debian's system package, never a downloaded browser.
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { projectRoot } from '../../config/env.ts';

export const chromiumPath = '/usr/bin/chromium';

/** Resolves to 127.0.0.1 in the test browser, but is not a loopback name to it: plain http there is not trusted. */
export const LAN_HOST = 'board.test';

/** Git-ignored (.gitignore: test-artifacts/); CI keeps the folder as a build artifact. */
export const screenshotDir = path.join(projectRoot, 'test-artifacts', 'screenshots');

/** Launches the system Chromium; throws (so the test fails, not skips) when it is missing. */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(chromiumPath))
    throw new Error(
      `browser tests need Chromium at ${chromiumPath}: install it with \`apt-get install chromium\``,
    );
  return chromium.launch({
    executablePath: chromiumPath,
    // Quiet and offline: no sandbox (containers), no updates or background calls home.
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      // A name that is not localhost, for pages seen as from another machine on the network.
      `--host-resolver-rules=MAP ${LAN_HOST} 127.0.0.1`,
    ],
  });
}

/** Saves a full-page PNG as test-artifacts/screenshots/<name>.png and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(screenshotDir, { recursive: true });
  const file = path.join(screenshotDir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
