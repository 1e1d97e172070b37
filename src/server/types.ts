import type { CryptoKey, KeyObject } from 'jose';

/** HMAC algorithms, signed with the workspace secret. Membrane's default is HS256; HS512 is recommended. */
export type HmacAlgorithm = 'HS256' | 'HS384' | 'HS512';

/** Asymmetric algorithms, signed with a private key whose public key is registered in the workspace settings. */
export type AsymmetricAlgorithm =
  | 'RS256'
  | 'RS384'
  | 'RS512'
  | 'PS256'
  | 'PS384'
  | 'PS512'
  | 'ES256'
  | 'ES384'
  | 'ES512';

/** Every algorithm Membrane accepts (those of the `jsonwebtoken` library, without `none`). */
export type MembraneTokenAlgorithm = HmacAlgorithm | AsymmetricAlgorithm;

/** Sign with the workspace key and secret from the workspace settings page (HS256/HS384/HS512). */
export interface SecretCredentials {
  /** The workspace key; it becomes the token's `iss` claim. */
  workspaceKey: string;
  /** The workspace secret (at least 32 bytes). Keep it on the server. */
  workspaceSecret: string;
  privateKey?: never;
}

/**
 * A private key: a PEM string in PKCS#8 form (`-----BEGIN PRIVATE KEY-----`), a WebCrypto
 * `CryptoKey` with the `sign` usage, or a Node.js `KeyObject`.
 */
export type MembranePrivateKey = string | CryptoKey | KeyObject;

/** Sign with a private key whose public key is registered in the workspace settings (RS*, PS*, ES*). */
export interface PrivateKeyCredentials {
  /** The workspace key; it becomes the token's `iss` claim. */
  workspaceKey: string;
  /** The private key. Keep it on the server. */
  privateKey: MembranePrivateKey;
  workspaceSecret?: never;
}

/** The workspace credentials a token is signed with: a secret, or a private key. */
export type MembraneCredentials = SecretCredentials | PrivateKeyCredentials;

/** The customer (user, team or organization) a token is issued for. */
export interface MembraneCustomer {
  /** Identifier of the customer in your system, unique within the workspace. */
  id: string;
  /** Human-readable name shown in the Membrane console. */
  name?: string;
  /** Any additional data to attach to the customer (a plain, JSON-serialisable object). */
  fields?: Record<string, unknown>;
}

/** Units accepted in an `expiresIn` string. */
export type DurationUnit =
  | 's'
  | 'sec'
  | 'secs'
  | 'second'
  | 'seconds'
  | 'm'
  | 'min'
  | 'mins'
  | 'minute'
  | 'minutes'
  | 'h'
  | 'hr'
  | 'hrs'
  | 'hour'
  | 'hours'
  | 'd'
  | 'day'
  | 'days';

/**
 * Token lifetime: a number of **seconds** (`7200`, as in Membrane's docs), or a string with a unit
 * (`'2h'`, `'15m'`, `'90 seconds'`). A string without a unit is refused because `jsonwebtoken`
 * would read it as milliseconds.
 */
export type ExpiresIn = number | `${number}${DurationUnit}` | `${number} ${DurationUnit}`;

/** Options shared by customer and admin tokens. */
export interface SignTokenOptions {
  /** Lifetime; default 2 hours. More than 24 hours is refused unless `allowLongLived` is set. */
  expiresIn?: ExpiresIn;
  /**
   * Signing algorithm. Default: `HS256` with a secret (Membrane's default; `HS512` is recommended),
   * and with a private key the one its type implies (RSA → `RS256`, P-256 → `ES256`, P-384 →
   * `ES384`, P-521 → `ES512`, RSA-PSS → `PS256`).
   */
  algorithm?: MembraneTokenAlgorithm;
  /** Allow `expiresIn` above 24 hours. A leaked long-lived token stays usable for that long. */
  allowLongLived?: boolean;
  /**
   * Sign even where `window` and `document` exist. Only for a local emulator or tests with a
   * throwaway secret: a real workspace secret must never reach a browser.
   */
  dangerouslyAllowBrowser?: boolean;
}

/** Options of `createMembraneToken`. */
export interface CreateMembraneTokenOptions extends SignTokenOptions {
  /** The customer the token is issued for. */
  customer: MembraneCustomer;
}

/** Options of `createAdminToken`. */
export type CreateAdminTokenOptions = SignTokenOptions;

/** A signed token and the moment it expires. */
export interface SignedMembraneToken {
  token: string;
  expiresAt: Date;
}
