// Types of scripts/findChromium.mjs (plain Node ESM, also imported by vitest.config.ts and the benches).

/** Where Chromium or Chrome usually is on Linux and macOS, first match wins. */
export declare const CHROMIUM_CANDIDATES: readonly string[];
/** Flags for every launch (no sandbox, no GPU, no calls to Google's hosts). */
export declare const CHROMIUM_ARGS: string[];

/**
 * The Chromium or Chrome executable to launch: CHROMIUM_PATH, the usual Linux and macOS paths, then a
 * Playwright-managed Chromium. None: throws one sentence saying what to install or set
 * (`{ required: false }`: returns `undefined` instead).
 */
export declare function findChromium(options?: FindChromiumOptions & { required?: true }): string;
export declare function findChromium(options: FindChromiumOptions & { required: boolean }): string | undefined;

export interface FindChromiumOptions {
  /** Default: `process.env` (its CHROMIUM_PATH). */
  env?: Record<string, string | undefined>;
  /** Where to look after CHROMIUM_PATH. Default: {@link CHROMIUM_CANDIDATES}, then Playwright's Chromium. */
  candidates?: ReadonlyArray<string | undefined>;
}
/** {@link findChromium} for a command line: none found, prints the sentence (no stack) and exits with status 1. */
export declare function requireChromium(): string;
