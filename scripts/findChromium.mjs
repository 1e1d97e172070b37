// Where is Chromium (or Chrome) on this machine? One answer for every browser run: vitest.config.ts
// (the browser and storybook projects), scripts/check-static-storybook.mjs,
// scripts/screenshot-stories.mjs and the benches. Nothing here downloads a browser.
//
// Order: CHROMIUM_PATH (taken as given: a wrong path fails rather than falling back), the usual
// Linux paths (Debian's chromium first: `.ci/run` installs it), macOS's Chrome and Chromium apps,
// then a browser Playwright manages (`npx playwright install chromium`), if one is installed.
import { accessSync, constants } from 'node:fs';
import { createRequire } from 'node:module';

/** Where Chromium or Chrome usually is on Linux and macOS, first match wins. */
export const CHROMIUM_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

/** Flags for every launch: without the networking ones Chromium keeps dialling Google's hosts on a closed network. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

const NOT_FOUND =
  'No Chromium or Chrome found for the browser tests: install Chromium or Google Chrome (or run `npx playwright install chromium`), or set CHROMIUM_PATH to its executable.';

function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Where Playwright keeps its own Chromium (whether or not it was ever downloaded). */
function playwrightChromium() {
  try {
    return createRequire(import.meta.url)('playwright-core').chromium.executablePath() || undefined;
  } catch {
    return undefined;
  }
}

/**
 * The Chromium or Chrome executable to launch, or `undefined` when there is none
 * (`{ required: true }`, the default: throws one sentence saying what to install or set instead).
 *
 * @param {{ required?: boolean, env?: Record<string, string | undefined>, candidates?: Array<string | undefined> }} [options]
 *   `candidates`: where to look after CHROMIUM_PATH (default: {@link CHROMIUM_CANDIDATES}, then Playwright's Chromium).
 * @returns {string | undefined}
 */
export function findChromium({ required = true, env = process.env, candidates = [...CHROMIUM_CANDIDATES, playwrightChromium()] } = {}) {
  const fromEnv = env.CHROMIUM_PATH;
  if (fromEnv) {
    if (isExecutable(fromEnv)) return fromEnv;
    if (!required) return undefined;
    throw new Error(`CHROMIUM_PATH is ${fromEnv}, which is not an executable file: point it at Chromium or Google Chrome, or unset it to look in the usual places.`);
  }
  const found = candidates.find((path) => path && isExecutable(path));
  if (found || !required) return found;
  throw new Error(NOT_FOUND);
}

/**
 * {@link findChromium} for a command line: when there is no browser, prints the one sentence (no
 * stack trace) and exits with status 1.
 *
 * @returns {string}
 */
export function requireChromium() {
  try {
    return findChromium();
  } catch (error) {
    console.error(`\n${error.message}\n`);
    process.exit(1);
  }
}
