// Types of scripts/check-size.mjs (plain Node ESM, also imported by the TypeScript benches).
import type { Metafile } from 'esbuild';

export declare const root: string;
export declare const kitEntry: string;
/** Peers of the kit's main entry (both SDK generations included): never counted as the kit's bytes. */
export declare const KIT_PEERS: string[];

export declare function gzipSize(code: Uint8Array | string): number;
export declare function kB(bytes: number): string;
export declare function sum<K extends string>(chunks: Array<Record<K, number>>, key: K): number;
export declare function requireBuild(who: string): void;

export interface Measured {
  label: string;
  minified: number;
  gzip: number;
  metafile: Metafile;
}

export interface Chunk {
  /** Output path relative to the virtual out dir. */
  file: string;
  minified: number;
  gzip: number;
  /** The kit's own `dist/` module that names this chunk (or its largest package). */
  origin: string;
}

export interface SplitMeasure {
  label: string;
  /** Entry chunk + every chunk reachable through static imports. */
  initial: Chunk[];
  /** Chunks reachable only through `import()`. */
  onDemand: Chunk[];
  metafile: Metafile;
  initialFiles: Set<string>;
}

/** One file, every `import()` inlined (esbuild without splitting). */
export declare function bundle(label: string, contents: string, external: string[]): Promise<Measured>;
/** An app's production build of `contents` with code splitting on. */
export declare function bundleSplit(label: string, contents: string, external: string[]): Promise<SplitMeasure>;
/** Minified bytes per package (or kit `dist/` file) in some outputs of a bundle, largest first. */
export declare function contributors(metafile: Metafile, files?: Set<string>): Array<[string, number]>;
/** `export *` from dist/index.js, peers external. */
export declare function measureMainEntry(): Promise<SplitMeasure>;
/** size-budgets.json in bytes. */
export declare function readBudgets(): { initial: number; total: number; page: number };
