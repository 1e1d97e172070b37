// Types of measurePageWeight.mjs (plain Node ESM, shared by the bench and scripts/check-size.mjs).

/** JS gzip bytes of one page, and the files counted. */
export interface PageFigures {
  load: number;
  idle: number;
  files: { load: string[]; idle: string[] };
}

export interface PageWeight {
  /** How files were counted (Chromium run or static upper bound). */
  method: string;
  plain: PageFigures;
  kit: PageFigures & {
    /** What the kit page showed after idle (Chromium only). */
    rendered?: { rows: number; badges: number };
    /** Uncaught errors on the kit page (Chromium only). */
    errors: string[];
    /** Chunks the build emitted that the page did not load by idle (reached only by a user action). */
    notLoaded: Array<{ file: string; gzip: number }>;
  };
  /** Kit page minus plain page, gzip bytes. */
  difference: { load: number; idle: number };
  /** The ten largest modules or packages in the difference: [owner, rendered bytes before gzip]. */
  topModules: Array<[string, number]>;
}

export declare function measurePageWeight(options?: { browser?: boolean }): Promise<PageWeight>;
