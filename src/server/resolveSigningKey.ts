import { importPKCS8 } from 'jose';
import type { CryptoKey as JoseCryptoKey, KeyObject } from 'jose';
import { MembraneTokenError } from './MembraneTokenError.js';
import { describeKeyObject, describePkcs8, readPkcs8Pem } from './describePrivateKey.js';
import type { PrivateKeyKind } from './describePrivateKey.js';
import type { AsymmetricAlgorithm, HmacAlgorithm, MembraneCredentials, MembraneTokenAlgorithm } from './types.js';

const HMAC_ALGORITHMS: readonly string[] = ['HS256', 'HS384', 'HS512'] satisfies HmacAlgorithm[];
const ASYMMETRIC_ALGORITHMS: readonly string[] = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
] satisfies AsymmetricAlgorithm[];
const MIN_SECRET_BYTES = 32;
const MIN_RSA_BITS = 2048;

/** A key ready for jose's `SignJWT.sign`, with the algorithm to put in the header. */
export interface SigningKey {
  workspaceKey: string;
  algorithm: MembraneTokenAlgorithm;
  key: Uint8Array | JoseCryptoKey | KeyObject;
}

function isHmac(algorithm: string): algorithm is HmacAlgorithm {
  return HMAC_ALGORITHMS.includes(algorithm);
}

function checkAlgorithm(algorithm: unknown): MembraneTokenAlgorithm | undefined {
  if (algorithm === undefined) return undefined;
  if (typeof algorithm === 'string' && (isHmac(algorithm) || ASYMMETRIC_ALGORITHMS.includes(algorithm))) {
    return algorithm as MembraneTokenAlgorithm;
  }
  if (typeof algorithm === 'string' && algorithm.toLowerCase() === 'none') {
    throw new MembraneTokenError(
      'unsupported_algorithm',
      "algorithm 'none' is refused: an unsigned token would let anyone impersonate your customers. Use HS512 with the workspace secret, or ES256/RS256 with a private key.",
    );
  }
  throw new MembraneTokenError(
    'unsupported_algorithm',
    `algorithm ${JSON.stringify(algorithm)} is not supported: use one of ${[...HMAC_ALGORITHMS, ...ASYMMETRIC_ALGORITHMS].join(', ')} (uppercase).`,
  );
}

const KIND_NAMES = { rsa: 'an RSA key', 'rsa-pss': 'an RSA-PSS key' } as const;

function describeKind(kind: PrivateKeyKind): string {
  switch (kind.kind) {
    case 'ec':
      return `an EC ${kind.curve} key`;
    case 'bound':
      return `a CryptoKey imported for ${kind.algorithm}`;
    case 'unsupported':
      return kind.description;
    default:
      return KIND_NAMES[kind.kind];
  }
}

const CURVE_ALGORITHM = { 'P-256': 'ES256', 'P-384': 'ES384', 'P-521': 'ES512' } as const;

function algorithmsFor(kind: PrivateKeyKind): AsymmetricAlgorithm[] {
  switch (kind.kind) {
    case 'rsa':
      return ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512'];
    case 'rsa-pss':
      return ['PS256', 'PS384', 'PS512'];
    case 'ec':
      return [CURVE_ALGORITHM[kind.curve]];
    case 'bound':
      return [kind.algorithm];
    case 'unsupported':
      return [];
  }
}

function assertStrongRsa(kind: PrivateKeyKind, modulusLength: number | undefined): void {
  if (modulusLength !== undefined && modulusLength < MIN_RSA_BITS && kind.kind !== 'ec') {
    throw new MembraneTokenError(
      'weak_private_key',
      `privateKey is a ${modulusLength}-bit RSA key; RSA keys must be at least ${MIN_RSA_BITS} bits. Generate a new key pair (for example with \`openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048\`) and register its public key in the workspace settings.`,
    );
  }
}

const importCache = new Map<string, Promise<JoseCryptoKey>>();
const IMPORT_CACHE_SIZE = 32;

/** Importing a PEM costs far more than signing, and a server signs with the same key all day. */
function importPem(pem: string, algorithm: AsymmetricAlgorithm): Promise<JoseCryptoKey> {
  const cacheKey = `${algorithm}\n${pem}`;
  const cached = importCache.get(cacheKey);
  if (cached) return cached;
  const imported = importPKCS8(pem, algorithm).catch((cause: unknown) => {
    importCache.delete(cacheKey);
    throw new MembraneTokenError('invalid_private_key', `privateKey could not be imported for ${algorithm}: check that it is the complete, unmodified PKCS#8 key.`, { cause });
  });
  if (importCache.size >= IMPORT_CACHE_SIZE) {
    const oldest = importCache.keys().next().value;
    if (oldest !== undefined) importCache.delete(oldest);
  }
  importCache.set(cacheKey, imported);
  return imported;
}

/**
 * Validates credentials and algorithm together and returns a key jose can sign with. Every
 * refusal is a `MembraneTokenError`; none of them quotes the secret or the key.
 */
export async function resolveSigningKey(credentials: MembraneCredentials, requested: unknown): Promise<SigningKey> {
  if (typeof credentials !== 'object' || credentials === null) {
    throw new MembraneTokenError(
      'invalid_credentials',
      'credentials must be an object: { workspaceKey, workspaceSecret } or { workspaceKey, privateKey }.',
    );
  }
  const { workspaceKey: rawKey, workspaceSecret: rawSecret, privateKey } = credentials as {
    workspaceKey?: unknown;
    workspaceSecret?: unknown;
    privateKey?: unknown;
  };
  // Values pasted into a .env or read from a file often carry a newline or spaces: signing with
  // them would make tokens Membrane can never verify (a wrong iss, an HMAC over another secret).
  const workspaceKey = typeof rawKey === 'string' ? rawKey.trim() : rawKey;
  const workspaceSecret = typeof rawSecret === 'string' ? rawSecret.trim() : rawSecret;
  if (typeof workspaceKey !== 'string' || workspaceKey.trim() === '') {
    throw new MembraneTokenError(
      'missing_workspace_key',
      `credentials.workspaceKey is ${workspaceKey === undefined ? 'missing' : typeof workspaceKey === 'string' ? 'empty' : `a ${typeof workspaceKey}, not a string`}: copy the workspace key from your Membrane workspace settings (it becomes the token's iss claim).`,
    );
  }
  const algorithm = checkAlgorithm(requested);

  if (workspaceSecret !== undefined && privateKey !== undefined) {
    throw new MembraneTokenError(
      'invalid_credentials',
      'credentials contain both workspaceSecret and privateKey: pass only the one your workspace is set up for.',
    );
  }

  if (privateKey === undefined) {
    if (typeof workspaceSecret !== 'string' || workspaceSecret === '') {
      throw new MembraneTokenError(
        'missing_workspace_secret',
        `credentials.workspaceSecret is ${workspaceSecret === undefined ? 'missing' : typeof workspaceSecret === 'string' ? 'empty' : `a ${typeof workspaceSecret}, not a string`}: copy the workspace secret from your Membrane workspace settings (or pass privateKey to sign with a key pair). Check that the environment variable holding it is set on this server.`,
      );
    }
    const signingAlgorithm = algorithm ?? 'HS256';
    if (!isHmac(signingAlgorithm)) {
      throw new MembraneTokenError(
        'algorithm_key_mismatch',
        `algorithm ${signingAlgorithm} needs a private key, but the credentials carry a workspace secret: use HS256, HS384 or HS512 with a secret, or pass privateKey instead.`,
      );
    }
    // Copied into this realm's Uint8Array: where TextEncoder comes from another realm (jsdom),
    // its output fails jose's instanceof check.
    const key = new Uint8Array(new TextEncoder().encode(workspaceSecret));
    if (key.byteLength < MIN_SECRET_BYTES) {
      throw new MembraneTokenError(
        'weak_workspace_secret',
        `credentials.workspaceSecret is only ${key.byteLength} bytes; at least ${MIN_SECRET_BYTES} are required. Copy the full secret from your Membrane workspace settings: a truncated or placeholder value would sign tokens Membrane rejects.`,
      );
    }
    return { workspaceKey, algorithm: signingAlgorithm, key };
  }

  if (privateKey === '' || privateKey === null) {
    throw new MembraneTokenError('missing_private_key', 'credentials.privateKey is empty: pass the PEM private key whose public key is registered in your workspace settings.');
  }
  if (algorithm !== undefined && isHmac(algorithm)) {
    throw new MembraneTokenError(
      'algorithm_key_mismatch',
      `algorithm ${algorithm} signs with the workspace secret, but the credentials carry a private key: use an RS*, PS* or ES* algorithm with a private key, or pass workspaceSecret instead.`,
    );
  }

  let kind: PrivateKeyKind;
  let pem: string | undefined;
  if (typeof privateKey === 'string') {
    const read = readPkcs8Pem(privateKey);
    pem = read.pem;
    kind = describePkcs8(read.der);
  } else if (typeof privateKey === 'object' && typeof (privateKey as { type?: unknown }).type === 'string') {
    kind = describeKeyObject(privateKey as JoseCryptoKey | KeyObject);
  } else {
    throw new MembraneTokenError(
      'invalid_private_key',
      `credentials.privateKey is a ${typeof privateKey}: pass a PEM string ('-----BEGIN PRIVATE KEY-----'), a CryptoKey or a Node.js KeyObject.`,
    );
  }

  const usable = algorithmsFor(kind);
  if (usable.length === 0) {
    throw new MembraneTokenError(
      'invalid_private_key',
      `privateKey is ${describeKind(kind)}, which Membrane cannot verify: use an RSA (RS*/PS*) or EC P-256/P-384/P-521 (ES*) key.`,
    );
  }
  const signingAlgorithm = algorithm ?? usable[0];
  if (signingAlgorithm === undefined || !(usable as string[]).includes(signingAlgorithm)) {
    throw new MembraneTokenError(
      'algorithm_key_mismatch',
      `algorithm ${String(signingAlgorithm)} does not fit privateKey, which is ${describeKind(kind)}: use ${usable.join(' or ')}, or a key made for ${String(signingAlgorithm)}.`,
    );
  }
  const asymmetric = signingAlgorithm as AsymmetricAlgorithm;
  if (kind.kind !== 'ec' && kind.kind !== 'unsupported') assertStrongRsa(kind, kind.modulusLength);

  if (pem === undefined) return { workspaceKey, algorithm: asymmetric, key: privateKey as JoseCryptoKey | KeyObject };
  const key = await importPem(pem, asymmetric);
  assertStrongRsa(kind, (key.algorithm as { modulusLength?: number }).modulusLength);
  return { workspaceKey, algorithm: asymmetric, key };
}
