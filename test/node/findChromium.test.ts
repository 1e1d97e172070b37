import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CHROMIUM_CANDIDATES, findChromium } from '../../scripts/findChromium.mjs';

const dir = mkdtempSync(join(tmpdir(), 'mk-find-chromium-'));
const browser = join(dir, 'chrome');
writeFileSync(browser, '#!/bin/sh\n');
chmodSync(browser, 0o755);
const notExecutable = join(dir, 'readme.txt');
writeFileSync(notExecutable, '');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('findChromium', () => {
  it('takes CHROMIUM_PATH first, before any usual path', () => {
    expect(findChromium({ env: { CHROMIUM_PATH: browser }, candidates: ['/bin/sh'] })).toBe(browser);
  });

  it('refuses a CHROMIUM_PATH that is not an executable, naming it', () => {
    expect(() => findChromium({ env: { CHROMIUM_PATH: join(dir, 'missing') }, candidates: [browser] })).toThrow(/^CHROMIUM_PATH is .*missing, which is not an executable file/);
    expect(() => findChromium({ env: { CHROMIUM_PATH: notExecutable }, candidates: [browser] })).toThrow(/CHROMIUM_PATH/);
    expect(findChromium({ required: false, env: { CHROMIUM_PATH: notExecutable }, candidates: [browser] })).toBeUndefined();
  });

  it('otherwise returns the first usual path that is an executable', () => {
    expect(findChromium({ env: {}, candidates: [join(dir, 'missing'), undefined, notExecutable, browser, '/bin/sh'] })).toBe(browser);
  });

  it('says in one sentence what to install or set when there is none', () => {
    expect(() => findChromium({ env: {}, candidates: [join(dir, 'missing'), undefined] })).toThrow(
      'No Chromium or Chrome found for the browser tests: install Chromium or Google Chrome (or run `npx playwright install chromium`), or set CHROMIUM_PATH to its executable.',
    );
    expect(findChromium({ required: false, env: {}, candidates: [] })).toBeUndefined();
  });

  it('looks in the Linux and macOS places', () => {
    expect(CHROMIUM_CANDIDATES).toEqual(
      expect.arrayContaining(['/usr/bin/chromium', '/usr/bin/google-chrome-stable', '/snap/bin/chromium', '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome']),
    );
  });
});
