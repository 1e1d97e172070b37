import { createPublicKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { EMULATOR_WORKSPACE_KEY, EMULATOR_WORKSPACE_SECRET } from './constants.js';
import { readSeedFile } from './readSeedFile.js';
import type { StartEmulatorOptions } from './startEmulator.js';

/** A command-line mistake: the CLI prints the message with the usage and exits with code 2. */
export class CliUsageError extends Error {
  override name = 'CliUsageError';
}

/** What the CLI was asked to do. */
export type CliCommand =
  | { help: true }
  | {
      help: false;
      /** Options for `startEmulator`. */
      options: StartEmulatorOptions & { workspaceKey: string; workspaceSecret: string };
      /** Lines describing the non-default choices, for the startup banner (no secrets). */
      notes: string[];
    };

const MAX_LATENCY_MS = 60_000;

/** JWT algorithms a public key can verify, by its type (and curve). */
function algorithmsFor(key: ReturnType<typeof createPublicKey>): string {
  if (key.asymmetricKeyType === 'rsa' || key.asymmetricKeyType === 'rsa-pss') return 'RS256/384/512, PS256/384/512';
  if (key.asymmetricKeyType === 'ec') {
    const curve = key.asymmetricKeyDetails?.namedCurve;
    const alg = { prime256v1: 'ES256', secp384r1: 'ES384', secp521r1: 'ES512' }[curve ?? ''];
    if (alg) return alg;
    throw new Error(`its curve ${curve ?? '(unknown)'} is not one JWT uses; use P-256 (ES256), P-384 (ES384) or P-521 (ES512).`);
  }
  throw new Error(`its type ${key.asymmetricKeyType ?? '(unknown)'} is not supported; use an RSA or EC (P-256, P-384, P-521) key.`);
}

/** Reads a PEM public key (SPKI or PKCS#1) and answers it as SPKI PEM, which the verifier imports. */
function readPublicKeyFile(file: string): { pem: string; algorithms: string } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`Cannot read the public key file ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}.`);
  }
  if (/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(text)) {
    throw new Error(
      `${file} holds a private key. Pass the public key only (e.g. openssl pkey -in private.pem -pubout -out public.pem); the private key stays with your token endpoint.`,
    );
  }
  try {
    const key = createPublicKey({ key: text, format: 'pem' });
    const algorithms = algorithmsFor(key);
    return { pem: key.export({ type: 'spki', format: 'pem' }).toString(), algorithms };
  } catch (error) {
    const reason = (error as Error).message.startsWith('its ') ? (error as Error).message : 'expected a PEM "-----BEGIN PUBLIC KEY-----" block.';
    throw new Error(`${file} is not a usable public key: ${reason}`);
  }
}

function parseInteger(name: string, raw: string, min: number, max: number): number {
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isInteger(value) || value < min || value > max) {
    throw new CliUsageError(`--${name} must be an integer from ${min} to ${max}, got "${raw}".`);
  }
  return value;
}

/**
 * Parses the `membrane-emulator` command line and reads the files it names (`--seed`,
 * `--public-key`). Throws a {@link CliUsageError} for a malformed command line, and an `Error`
 * naming the file and the problem for a file that cannot be used.
 *
 * @example
 * ```ts
 * const command = parseCliOptions(process.argv.slice(2), process.env);
 * if (!command.help) await startEmulator(command.options);
 * ```
 */
export function parseCliOptions(args: string[], env: Record<string, string | undefined> = {}): CliCommand {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        port: { type: 'string', short: 'p', default: '4010' },
        host: { type: 'string', default: '127.0.0.1' },
        'workspace-key': { type: 'string' },
        'workspace-secret': { type: 'string' },
        'public-key': { type: 'string' },
        seed: { type: 'string' },
        latency: { type: 'string' },
        persist: { type: 'string' },
        'allow-origin': { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new CliUsageError((error as Error).message);
  }
  if (values.help) return { help: true };
  const port = parseInteger('port', values.port, 0, 65_535);
  const latencyMs = values.latency === undefined ? undefined : parseInteger('latency', values.latency, 0, MAX_LATENCY_MS);
  const notes: string[] = [];
  const publicKey = values['public-key'] === undefined ? undefined : readPublicKeyFile(values['public-key']);
  if (publicKey) notes.push(`  public key ${values['public-key']} (verifies ${publicKey.algorithms} tokens)`);
  const seed = values.seed === undefined ? undefined : readSeedFile(values.seed);
  if (seed) {
    const count = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`;
    notes.push(
      `  seed       ${values.seed} (${count(seed.integrations.length, 'app')}, ${count(seed.customers.length, 'customer')}, ${count(seed.connections.length, 'connection')})`,
    );
  }
  const allowedOrigins = values['allow-origin'] ?? [];
  for (const origin of allowedOrigins) {
    if (origin === '*') continue;
    let url: URL | undefined;
    try {
      url = new URL(origin);
    } catch {
      // handled below
    }
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || origin.replace(/\/$/, '') !== url.origin) {
      throw new CliUsageError(`--allow-origin takes an origin such as http://192.168.1.20:5173 (no path), got "${origin}".`);
    }
  }
  if (allowedOrigins.length > 0) notes.push(`  controls   also callable from ${allowedOrigins.join(', ')}`);
  if (latencyMs) notes.push(`  latency    ${latencyMs} ms before every API answer`);
  return {
    help: false,
    options: {
      port,
      host: values.host,
      workspaceKey: values['workspace-key'] ?? EMULATOR_WORKSPACE_KEY,
      workspaceSecret: values['workspace-secret'] ?? env.MEMBRANE_EMULATOR_SECRET ?? EMULATOR_WORKSPACE_SECRET,
      ...(publicKey ? { publicKey: publicKey.pem } : {}),
      ...(seed ? { seed } : {}),
      ...(latencyMs ? { faults: { latencyMs } } : {}),
      ...(values.persist ? { persistTo: values.persist } : {}),
      ...(allowedOrigins.length > 0 ? { allowedOrigins } : {}),
    },
    notes,
  };
}
