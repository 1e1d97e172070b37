import { decodeProtectedHeader, errors, importJWK, importSPKI, jwtVerify } from 'jose';
import type { JWK, JWTPayload } from 'jose';
import { PUBLIC_KEY_ALGORITHMS, SECRET_ALGORITHMS } from './constants.js';
import { MembraneApiError } from './MembraneApiError.js';

/** A registered public key: SPKI PEM, a public JWK, or a WebCrypto `CryptoKey`. */
export type EmulatorPublicKey = string | JWK | CryptoKey;

/** The claims of a verified token. */
export type VerifiedToken =
  | { kind: 'customer'; id: string; name?: string; fields?: Record<string, unknown>; claims: JWTPayload }
  | { kind: 'admin'; claims: JWTPayload };

const unauthenticated = (message: string): MembraneApiError => new MembraneApiError(401, message);

/**
 * Creates the emulator's token check, strict like Membrane's: the signature is verified with the
 * workspace secret (HS256/384/512) or the registered public key (ES*, RS*, PS*), `iss` must be
 * the workspace key, `exp` is required, `alg: none` and algorithm confusion are refused.
 * Failures throw a {@link MembraneApiError} 401 `not_authenticated` that never echoes the token.
 *
 * @example
 * ```ts
 * const verify = createTokenVerifier({ workspaceKey: 'my-ws', workspaceSecret: 'a secret of at least 32 bytes…' });
 * const token = await verify(request.headers.get('authorization'));
 * if (token.kind === 'customer') console.log(token.id);
 * ```
 */
export function createTokenVerifier(options: {
  workspaceKey: string;
  workspaceSecret: string;
  publicKey?: EmulatorPublicKey;
}): (authorization: string | null | undefined) => Promise<VerifiedToken> {
  // Copied into this realm's Uint8Array: under jsdom, TextEncoder's output fails jose's instanceof check.
  const secret = new Uint8Array(new TextEncoder().encode(options.workspaceSecret));
  const publicKeys = new Map<string, Promise<CryptoKey | Uint8Array>>();

  const publicKeyFor = (alg: string): Promise<CryptoKey | Uint8Array> => {
    const { publicKey } = options;
    if (publicKey === undefined) {
      return Promise.reject(
        unauthenticated(`Token is signed with ${alg}, but the workspace has no public key registered; sign with the workspace secret (HS256/HS384/HS512) or start the emulator with publicKey.`),
      );
    }
    let key = publicKeys.get(alg);
    if (!key) {
      key = (
        typeof publicKey === 'string'
          ? importSPKI(publicKey, alg)
          : 'kty' in publicKey
            ? (importJWK(publicKey as JWK, alg) as Promise<CryptoKey | Uint8Array>)
            : Promise.resolve(publicKey as CryptoKey)
      ).catch(() => {
        throw unauthenticated(`Token algorithm ${alg} does not fit the workspace's registered public key.`);
      });
      publicKeys.set(alg, key);
    }
    return key;
  };

  return async (authorization) => {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
    const token = match?.[1];
    if (!token) throw unauthenticated('Missing access token: send the header "Authorization: Bearer <token>".');
    let alg: string | undefined;
    try {
      alg = decodeProtectedHeader(token).alg;
    } catch {
      throw unauthenticated('Access token is not a valid JWT.');
    }
    const isSecretAlg = (SECRET_ALGORITHMS as readonly string[]).includes(alg ?? '');
    const isPublicKeyAlg = (PUBLIC_KEY_ALGORITHMS as readonly string[]).includes(alg ?? '');
    if (!alg || (!isSecretAlg && !isPublicKeyAlg)) {
      throw unauthenticated(
        `Token algorithm "${String(alg)}" is not accepted; use HS256, HS384 or HS512 with the workspace secret, or ES*/RS*/PS* with a registered public key.`,
      );
    }
    const key = isSecretAlg ? secret : await publicKeyFor(alg);
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, key, {
        algorithms: [alg],
        issuer: options.workspaceKey,
        requiredClaims: ['exp'],
      }));
    } catch (error) {
      if (error instanceof errors.JWTExpired) throw unauthenticated('Token expired');
      if (error instanceof errors.JWTClaimValidationFailed) {
        if (error.claim === 'iss') throw unauthenticated('Token issuer (iss) does not match the workspace key.');
        if (error.claim === 'exp') throw unauthenticated('Token has no valid expiry (exp claim); Membrane requires one.');
        throw unauthenticated(`Token claim "${error.claim}" is invalid.`);
      }
      if (error instanceof errors.JWSSignatureVerificationFailed) throw unauthenticated('Invalid token signature.');
      throw unauthenticated('Invalid access token.');
    }
    if (payload.isAdmin === true && (payload.id === undefined || payload.id === null)) return { kind: 'admin', claims: payload };
    const id = payload.id;
    if (typeof id !== 'string' || id.trim() === '') {
      throw unauthenticated('Token has no customer id: add the "id" claim (or isAdmin: true for an admin token).');
    }
    const name = typeof payload.name === 'string' && payload.name !== '' ? payload.name : undefined;
    const fields =
      typeof payload.fields === 'object' && payload.fields !== null && !Array.isArray(payload.fields)
        ? (payload.fields as Record<string, unknown>)
        : undefined;
    return {
      kind: 'customer',
      id,
      ...(name === undefined ? {} : { name }),
      ...(fields === undefined ? {} : { fields }),
      claims: payload,
    };
  };
}
