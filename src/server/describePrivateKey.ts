import type { CryptoKey, KeyObject } from 'jose';
import { MembraneTokenError } from './MembraneTokenError.js';
import type { AsymmetricAlgorithm } from './types.js';

/** What a private key can sign with, learnt without importing it. */
export type PrivateKeyKind =
  | { kind: 'rsa'; modulusLength?: number }
  | { kind: 'rsa-pss'; modulusLength?: number }
  | { kind: 'ec'; curve: 'P-256' | 'P-384' | 'P-521' }
  /** A WebCrypto key is bound to exactly one JWS algorithm. */
  | { kind: 'bound'; algorithm: AsymmetricAlgorithm; modulusLength?: number }
  | { kind: 'unsupported'; description: string };

const OID_RSA = '1.2.840.113549.1.1.1';
const OID_RSA_PSS = '1.2.840.113549.1.1.10';
const OID_EC = '1.2.840.10045.2.1';
const CURVES: Record<string, 'P-256' | 'P-384' | 'P-521'> = {
  '1.2.840.10045.3.1.7': 'P-256',
  '1.3.132.0.34': 'P-384',
  '1.3.132.0.35': 'P-521',
};
const UNSUPPORTED_OIDS: Record<string, string> = {
  '1.3.101.112': 'an Ed25519 key',
  '1.3.101.113': 'an Ed448 key',
  '1.3.132.0.10': 'a secp256k1 key',
};

function invalidPem(problem: string): MembraneTokenError {
  return new MembraneTokenError('invalid_private_key', `privateKey ${problem}`);
}

const CONVERT = 'Convert it with `openssl pkcs8 -topk8 -nocrypt -in key.pem -out key.pkcs8.pem`.';

/**
 * Validates a PEM private key and returns it normalised (environment variables often carry `\n`
 * escapes instead of newlines) with the DER bytes. Messages never quote the key.
 */
export function readPkcs8Pem(pem: string): { pem: string; der: Uint8Array } {
  const text = pem.includes('\\n') ? pem.replace(/(?:\\r)?\\n/g, '\n') : pem;
  if (text.trim() === '') {
    throw new MembraneTokenError('missing_private_key', 'privateKey is empty: pass the PEM private key whose public key is in your workspace settings.');
  }
  const label = /-----BEGIN ([A-Z0-9 ]+)-----/.exec(text)?.[1];
  if (label === undefined) {
    throw invalidPem("is not PEM: expected a PKCS#8 private key starting with '-----BEGIN PRIVATE KEY-----'.");
  }
  if (label === 'RSA PRIVATE KEY' || label === 'EC PRIVATE KEY') {
    throw invalidPem(`is in ${label === 'RSA PRIVATE KEY' ? 'PKCS#1' : 'SEC1'} form ('BEGIN ${label}'), but PKCS#8 ('BEGIN PRIVATE KEY') is required. ${CONVERT}`);
  }
  if (label === 'ENCRYPTED PRIVATE KEY') {
    throw invalidPem('is encrypted. Decrypt it once with `openssl pkcs8 -in encrypted.pem -out key.pem` and keep the result secret.');
  }
  if (label === 'PUBLIC KEY' || label === 'RSA PUBLIC KEY' || label === 'CERTIFICATE') {
    throw invalidPem(`is a ${label === 'CERTIFICATE' ? 'certificate' : 'public key'}: sign with the private key, and register the public key in the workspace settings.`);
  }
  if (label !== 'PRIVATE KEY') {
    throw invalidPem(`is a '${label}' PEM block; a PKCS#8 private key ('BEGIN PRIVATE KEY') is required.`);
  }
  const body = /-----BEGIN PRIVATE KEY-----([\s\S]*?)-----END PRIVATE KEY-----/.exec(text)?.[1];
  const base64 = body?.replace(/\s+/g, '') ?? '';
  let der: Uint8Array;
  try {
    if (base64 === '' || !/^[A-Za-z0-9+/]+={0,2}$/.test(base64)) throw new Error('not base64');
    der = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
  } catch {
    throw invalidPem("is damaged: the text between 'BEGIN PRIVATE KEY' and 'END PRIVATE KEY' is not valid base64.");
  }
  return { pem: `-----BEGIN PRIVATE KEY-----\n${base64}\n-----END PRIVATE KEY-----\n`, der };
}

interface Tlv {
  tag: number;
  start: number;
  end: number;
}

function readTlv(der: Uint8Array, offset: number): Tlv {
  const tag = der[offset];
  let length = der[offset + 1];
  let start = offset + 2;
  if (tag === undefined || length === undefined) throw new Error('truncated');
  if (length & 0x80) {
    const bytes = length & 0x7f;
    if (bytes === 0 || bytes > 4) throw new Error('bad length');
    length = 0;
    for (let i = 0; i < bytes; i++) length = length * 256 + (der[start + i] ?? 0);
    start += bytes;
  }
  const end = start + length;
  if (end > der.length) throw new Error('truncated');
  return { tag, start, end };
}

function decodeOid(bytes: Uint8Array): string {
  const first = bytes[0] ?? 0;
  const parts = [Math.min(2, Math.floor(first / 40)), first - Math.min(2, Math.floor(first / 40)) * 40];
  let value = 0;
  for (const byte of bytes.subarray(1)) {
    value = value * 128 + (byte & 0x7f);
    if (!(byte & 0x80)) {
      parts.push(value);
      value = 0;
    }
  }
  return parts.join('.');
}

/** Reads the key type from a PKCS#8 `PrivateKeyInfo` (version, AlgorithmIdentifier, key). */
export function describePkcs8(der: Uint8Array): PrivateKeyKind {
  let oid: string;
  let parameterOid: string | undefined;
  try {
    const info = readTlv(der, 0);
    if (info.tag !== 0x30) throw new Error('not a sequence');
    const version = readTlv(der, info.start);
    if (version.tag !== 0x02) throw new Error('no version');
    const algorithm = readTlv(der, version.end);
    if (algorithm.tag !== 0x30) throw new Error('no algorithm');
    const id = readTlv(der, algorithm.start);
    if (id.tag !== 0x06) throw new Error('no oid');
    oid = decodeOid(der.subarray(id.start, id.end));
    if (id.end < algorithm.end) {
      const parameters = readTlv(der, id.end);
      if (parameters.tag === 0x06) parameterOid = decodeOid(der.subarray(parameters.start, parameters.end));
    }
  } catch {
    throw invalidPem('is not a valid PKCS#8 private key (its DER structure could not be read).');
  }
  if (oid === OID_RSA) return { kind: 'rsa' };
  if (oid === OID_RSA_PSS) return { kind: 'rsa-pss' };
  if (oid === OID_EC) {
    const curve = parameterOid === undefined ? undefined : CURVES[parameterOid];
    if (curve) return { kind: 'ec', curve };
    return { kind: 'unsupported', description: 'an elliptic-curve key on a curve other than P-256, P-384 or P-521' };
  }
  return { kind: 'unsupported', description: UNSUPPORTED_OIDS[oid] ?? `a key of an unknown type (OID ${oid})` };
}

const NODE_CURVES: Record<string, 'P-256' | 'P-384' | 'P-521'> = {
  prime256v1: 'P-256',
  'P-256': 'P-256',
  secp384r1: 'P-384',
  'P-384': 'P-384',
  secp521r1: 'P-521',
  'P-521': 'P-521',
};

const HASH_SUFFIX: Record<string, '256' | '384' | '512'> = { 'SHA-256': '256', 'SHA-384': '384', 'SHA-512': '512' };

interface CryptoKeyLike {
  type: string;
  algorithm: { name?: string; namedCurve?: string; hash?: { name?: string } | string; modulusLength?: number };
  usages: readonly string[];
}

interface NodeKeyObjectLike {
  type: string;
  asymmetricKeyType?: string;
  asymmetricKeyDetails?: { modulusLength?: number; namedCurve?: string };
}

function isCryptoKeyLike(key: object): key is CryptoKeyLike {
  return 'algorithm' in key && 'usages' in key && 'type' in key;
}

/** Describes a WebCrypto `CryptoKey` or a Node.js `KeyObject`. */
export function describeKeyObject(key: CryptoKey | KeyObject): PrivateKeyKind {
  if (key.type !== 'private') {
    throw new MembraneTokenError(
      'invalid_private_key',
      `privateKey is a ${String(key.type)} key: sign with the private key, and register the public key in the workspace settings.`,
    );
  }
  if (isCryptoKeyLike(key)) {
    if (!key.usages.includes('sign')) {
      throw new MembraneTokenError('invalid_private_key', "privateKey is a CryptoKey without the 'sign' usage: import it with usages ['sign'].");
    }
    const { name, namedCurve, hash, modulusLength } = key.algorithm;
    const hashName = typeof hash === 'string' ? hash : hash?.name;
    const suffix = hashName === undefined ? undefined : HASH_SUFFIX[hashName];
    if (name === 'ECDSA') {
      const curve = namedCurve === undefined ? undefined : NODE_CURVES[namedCurve];
      if (curve) return { kind: 'ec', curve };
    } else if (name === 'RSASSA-PKCS1-v1_5' && suffix) {
      return { kind: 'bound', algorithm: `RS${suffix}`, ...(modulusLength === undefined ? {} : { modulusLength }) };
    } else if (name === 'RSA-PSS' && suffix) {
      return { kind: 'bound', algorithm: `PS${suffix}`, ...(modulusLength === undefined ? {} : { modulusLength }) };
    }
    return { kind: 'unsupported', description: `a CryptoKey for ${String(name)}${namedCurve ? ` ${namedCurve}` : ''}` };
  }
  const nodeKey = key as NodeKeyObjectLike;
  const details = nodeKey.asymmetricKeyDetails ?? {};
  const length = details.modulusLength === undefined ? {} : { modulusLength: details.modulusLength };
  if (nodeKey.asymmetricKeyType === 'rsa') return { kind: 'rsa', ...length };
  if (nodeKey.asymmetricKeyType === 'rsa-pss') return { kind: 'rsa-pss', ...length };
  if (nodeKey.asymmetricKeyType === 'ec') {
    const curve = details.namedCurve === undefined ? undefined : NODE_CURVES[details.namedCurve];
    if (curve) return { kind: 'ec', curve };
  }
  return { kind: 'unsupported', description: `a ${String(nodeKey.asymmetricKeyType ?? 'non-asymmetric')} KeyObject` };
}
