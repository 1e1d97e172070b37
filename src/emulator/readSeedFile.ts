import { readFileSync } from 'node:fs';
import type { EmulatorAuthType, EmulatorConnectionRecord, EmulatorSeed } from './types.js';
import { applyConnectionStatus, CONNECTION_STATUS_KEYS } from './validateConnectionStatus.js';

const AUTH_TYPES: readonly EmulatorAuthType[] = ['oauth2', 'oauth1', 'client-credentials', 'integration-app-token', 'proxy'];

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const describe = (value: unknown): string =>
  value === undefined ? 'nothing' : value === null ? 'null' : Array.isArray(value) ? 'an array' : `${typeof value} ${JSON.stringify(value)}`.slice(0, 80);

/**
 * Checks that a parsed JSON value has the shape `startEmulator({ seed })` takes, including the
 * references between its parts (connections point at known customers, apps and auth options).
 * Throws a `TypeError` naming the first problem by its JSON path, e.g. `integrations[2].key`.
 *
 * @example
 * ```ts
 * const seed = validateSeed(JSON.parse(text));
 * const emulator = await startEmulator({ seed });
 * ```
 */
export function validateSeed(value: unknown): EmulatorSeed {
  const fail = (path: string, expected: string, got: unknown): never => {
    throw new TypeError(`${path} must be ${expected}, got ${describe(got)}.`);
  };
  const object = (item: unknown, path: string): Json => (isObject(item) ? item : fail(path, 'an object', item));
  const array = (item: unknown, path: string): unknown[] => (Array.isArray(item) ? item : fail(path, 'an array', item));
  const text = (record: Json, key: string, path: string): string => {
    const item = record[key];
    return typeof item === 'string' && item.trim() !== '' ? item : fail(`${path}.${key}`, 'a non-empty string', item);
  };
  const optional = (record: Json, key: string, path: string, type: 'string' | 'boolean' | 'object'): void => {
    const item = record[key];
    if (item === undefined) return;
    if (type === 'object' ? !isObject(item) : typeof item !== type) fail(`${path}.${key}`, `${type === 'object' ? 'an object' : `a ${type}`} when given`, item);
  };
  const unique = (seen: Set<string>, item: string, path: string): void => {
    if (seen.has(item)) throw new TypeError(`${path} ${JSON.stringify(item)} is used twice; it must be unique.`);
    seen.add(item);
  };

  const seed = object(value, 'The seed');
  const integrationIds = new Set<string>();
  const integrationKeys = new Set<string>();
  const authOptionsOf = new Map<string, Set<string>>();
  array(seed.integrations, 'integrations').forEach((item, index) => {
    const path = `integrations[${index}]`;
    const integration = object(item, path);
    const id = text(integration, 'id', path);
    unique(integrationIds, id, `${path}.id`);
    unique(integrationKeys, text(integration, 'key', path), `${path}.key`);
    for (const key of ['name', 'baseUri', 'appUri']) text(integration, key, path);
    // An empty logoUri is allowed: the kit shows its fallback logo.
    if (typeof integration.logoUri !== 'string') fail(`${path}.logoUri`, 'a string (empty for no logo)', integration.logoUri);
    optional(integration, 'apiDocsUri', path, 'string');
    const options = array(integration.authOptions, `${path}.authOptions`);
    if (options.length === 0) throw new TypeError(`${path}.authOptions must list at least one auth option (the first is the default).`);
    const keys = new Set<string>();
    options.forEach((option, optionIndex) => {
      const optionPath = `${path}.authOptions[${optionIndex}]`;
      const authOption = object(option, optionPath);
      unique(keys, text(authOption, 'key', optionPath), `${optionPath}.key`);
      if (!AUTH_TYPES.includes(authOption.type as EmulatorAuthType)) fail(`${optionPath}.type`, `one of ${AUTH_TYPES.join(', ')}`, authOption.type);
      optional(authOption, 'ui', optionPath, 'object');
      optional(authOption, 'inputSchema', optionPath, 'object');
    });
    authOptionsOf.set(id, keys);
  });

  const customerIds = new Set<string>();
  const internalIds = new Set<string>();
  array(seed.customers, 'customers').forEach((item, index) => {
    const path = `customers[${index}]`;
    const customer = object(item, path);
    unique(customerIds, text(customer, 'id', path), `${path}.id`);
    unique(internalIds, text(customer, 'internalId', path), `${path}.internalId`);
    text(customer, 'name', path);
    optional(customer, 'fields', path, 'object');
    optional(customer, 'isTest', path, 'boolean');
    optional(customer, 'isBillable', path, 'boolean');
  });

  const connectionIds = new Set<string>();
  array(seed.connections, 'connections').forEach((item, index) => {
    const path = `connections[${index}]`;
    const connection = object(item, path);
    unique(connectionIds, text(connection, 'id', path), `${path}.id`);
    text(connection, 'name', path);
    const userId = text(connection, 'userId', path);
    if (!customerIds.has(userId)) throw new TypeError(`${path}.userId ${JSON.stringify(userId)} is not the id of a customer in "customers".`);
    const integrationId = text(connection, 'integrationId', path);
    const authOptions = authOptionsOf.get(integrationId);
    if (!authOptions) throw new TypeError(`${path}.integrationId ${JSON.stringify(integrationId)} is not the id of an app in "integrations".`);
    const authOptionKey = text(connection, 'authOptionKey', path);
    if (!authOptions.has(authOptionKey)) {
      throw new TypeError(`${path}.authOptionKey ${JSON.stringify(authOptionKey)} is not an auth option of that app (${[...authOptions].join(', ')}).`);
    }
    if (!isObject(connection.parameters)) fail(`${path}.parameters`, 'an object (use {} for none)', connection.parameters);
    if (typeof connection.disconnected !== 'boolean') fail(`${path}.disconnected`, 'true or false', connection.disconnected);
    optional(connection, 'revoked', path, 'boolean');
    optional(connection, 'error', path, 'object');
    // The 0.28 status fields (state, clientAction, isDefunct, errors, requestError), as the control API checks them.
    const status = Object.fromEntries(
      CONNECTION_STATUS_KEYS.filter((key) => key !== 'connected' && connection[key] !== undefined).map((key) => [key, connection[key]]),
    );
    try {
      applyConnectionStatus(connection as unknown as EmulatorConnectionRecord, status, `${path} status`);
    } catch (error) {
      throw new TypeError(`${path}: ${(error as Error).message}`);
    }
  });

  const defaultCustomer = object(seed.defaultCustomer, 'defaultCustomer');
  text(defaultCustomer, 'id', 'defaultCustomer');
  text(defaultCustomer, 'name', 'defaultCustomer');
  optional(defaultCustomer, 'fields', 'defaultCustomer', 'object');
  return seed as unknown as EmulatorSeed;
}

/**
 * Reads a JSON seed file for the emulator CLI (`--seed`) and validates it with
 * {@link validateSeed}. Errors name the file and the problem.
 *
 * @example
 * ```ts
 * const emulator = await startEmulator({ seed: readSeedFile('./seed.json') });
 * ```
 */
export function readSeedFile(file: string): EmulatorSeed {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`Cannot read the seed file ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}.`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new Error(`The seed file ${file} is not valid JSON: ${(error as Error).message}.`);
  }
  try {
    return validateSeed(parsed);
  } catch (error) {
    throw new Error(
      `The seed file ${file} is not an emulator seed: ${(error as Error).message} Expected { integrations, customers, connections, defaultCustomer } as in createDefaultSeed().`,
    );
  }
}
