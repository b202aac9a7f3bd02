import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { build } from 'vite';

const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(
  (p): p is string => !!p,
);

/** Debian's Chromium, if this machine has it. */
export const chromiumPath = candidates.find((p) => fs.existsSync(p)) ?? null;

/**
 * Browser tests run when Chromium is there. On a developer's machine without it they are skipped
 * with a message; in CI (CI=true) a missing Chromium fails the run instead.
 */
export const browserTestsEnabled = (() => {
  if (chromiumPath) return true;
  if (process.env.CI === 'true') {
    throw new Error('CI=true but no Chromium found (install the Debian package "chromium")');
  }
  console.warn('Skipping browser tests: no Chromium at /usr/bin/chromium (apt-get install -y chromium).');
  return false;
})();

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath!,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
    ],
  });
}

let built: Promise<string> | null = null;
/** Builds the client once per test run into a folder of its own; returns that folder. */
export function buildClient(): Promise<string> {
  built ??= (async () => {
    // TEST_CLIENT_DIR lets two test runs on one machine build side by side.
    const outDir = path.resolve(process.env.TEST_CLIENT_DIR ?? 'tmp/test-client');
    await build({
      configFile: path.resolve('vite.config.ts'),
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true, sourcemap: false },
    });
    return outDir;
  })();
  return built;
}

export const screenshotDir = path.resolve('test-results/screenshots');
