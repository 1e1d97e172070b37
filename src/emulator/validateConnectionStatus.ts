import type {
  EmulatorClientAction,
  EmulatorConnectionRecord,
  EmulatorConnectionState,
  EmulatorErrorData,
} from './types.js';

/** Every `state` a connection can be put in (membrane-sdk-0.28.md §3, `WorkspaceElementState`). */
export const EMULATOR_CONNECTION_STATES: readonly EmulatorConnectionState[] = [
  'BUILDING',
  'CLIENT_ACTION_REQUIRED',
  'CONFIGURATION_ERROR',
  'SETUP_FAILED',
  'READY',
  'DISCONNECTING',
];

const CLIENT_ACTION_TYPES: ReadonlyArray<EmulatorClientAction['type']> = ['connect', 'provide-input'];

/** The status fields `PATCH /_emulator/connections/:selector` (and a seed connection) may set. */
export const CONNECTION_STATUS_KEYS = [
  'state',
  'clientAction',
  'isDefunct',
  'errors',
  'requestError',
  'disconnected',
  'connected',
  'error',
] as const;

/** A patch of {@link applyConnectionStatus}: each field a value, or `null` to clear it. */
export type ConnectionStatusPatch = Partial<Record<(typeof CONNECTION_STATUS_KEYS)[number], unknown>>;

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const show = (value: unknown): string => (value === undefined ? 'nothing' : JSON.stringify(value)?.slice(0, 80) ?? String(value));

function errorData(value: unknown, path: string): EmulatorErrorData {
  if (!isObject(value)) throw new TypeError(`${path} must be an error object like { "message": "…", "type": "connection" }, got ${show(value)}.`);
  const { message, type, key, data } = value;
  if (typeof message !== 'string' || message.trim() === '') throw new TypeError(`${path}.message must be a non-empty string, got ${show(message)}.`);
  if (type !== undefined && (typeof type !== 'string' || type === '')) throw new TypeError(`${path}.type must be a string such as "connection", got ${show(type)}.`);
  if (key !== undefined && typeof key !== 'string') throw new TypeError(`${path}.key must be a string, got ${show(key)}.`);
  return { type: (type as string | undefined) ?? 'connection', ...(key === undefined ? {} : { key }), message, ...(data === undefined ? {} : { data }) };
}

function clientAction(value: unknown, path: string): EmulatorClientAction {
  if (!isObject(value)) {
    throw new TypeError(`${path} must be { "type": "connect" | "provide-input", "description": "…" }, got ${show(value)}.`);
  }
  const { type, description, uiUrl, agentInstructions } = value;
  if (!CLIENT_ACTION_TYPES.includes(type as EmulatorClientAction['type'])) {
    throw new TypeError(`${path}.type must be one of ${CLIENT_ACTION_TYPES.join(', ')}, got ${show(type)}.`);
  }
  if (typeof description !== 'string' || description.trim() === '') {
    throw new TypeError(`${path}.description must be a non-empty string (what the customer has to do), got ${show(description)}.`);
  }
  if (uiUrl !== undefined && typeof uiUrl !== 'string') throw new TypeError(`${path}.uiUrl must be a string when given.`);
  if (agentInstructions !== undefined && typeof agentInstructions !== 'string') throw new TypeError(`${path}.agentInstructions must be a string when given.`);
  return {
    type: type as EmulatorClientAction['type'],
    description,
    ...(uiUrl === undefined ? {} : { uiUrl }),
    ...(agentInstructions === undefined ? {} : { agentInstructions }),
  };
}

const boolean = (value: unknown, path: string): boolean => {
  if (typeof value !== 'boolean') throw new TypeError(`${path} must be true or false, got ${show(value)}.`);
  return value;
};

/**
 * Validates a status patch and merges it into a connection record, answering the new record.
 * Each field is a value or `null` (clear it): `state` (one of {@link EMULATOR_CONNECTION_STATES}),
 * `clientAction` (`{type: 'connect' | 'provide-input', description}`, required with and only
 * allowed with `CLIENT_ACTION_REQUIRED`; changing the state away clears it), `isDefunct`,
 * `errors` (array of `{message, type?, key?, data?}`), `requestError`, `error` (1.14),
 * `disconnected`, or `connected` (its inverse). Throws a `TypeError` naming the field.
 *
 * @example
 * ```ts
 * applyConnectionStatus(record, { state: 'CLIENT_ACTION_REQUIRED', clientAction: { type: 'connect', description: 'Sign in again' } });
 * applyConnectionStatus(record, { state: null }); // back to the derived state
 * ```
 */
export function applyConnectionStatus(record: EmulatorConnectionRecord, patch: unknown, where = 'body'): EmulatorConnectionRecord {
  if (!isObject(patch)) throw new TypeError(`The ${where} must be a JSON object with any of: ${CONNECTION_STATUS_KEYS.join(', ')}.`);
  const unknownKeys = Object.keys(patch).filter((key) => !(CONNECTION_STATUS_KEYS as readonly string[]).includes(key));
  if (unknownKeys.length > 0) {
    throw new TypeError(`Unknown field ${unknownKeys.map((key) => `"${key}"`).join(', ')} in the ${where}; use any of: ${CONNECTION_STATUS_KEYS.join(', ')}.`);
  }
  if ('connected' in patch && 'disconnected' in patch) throw new TypeError('Give "connected" or "disconnected", not both.');
  const next: EmulatorConnectionRecord = { ...record };
  const set = <K extends keyof EmulatorConnectionRecord>(key: K, value: EmulatorConnectionRecord[K] | undefined): void => {
    if (value === undefined) delete next[key];
    else next[key] = value;
  };
  const has = (key: (typeof CONNECTION_STATUS_KEYS)[number]): boolean => key in patch;
  const clearing = (key: string): boolean => patch[key] === null;

  if (has('state')) {
    if (clearing('state')) set('state', undefined);
    else if (!EMULATOR_CONNECTION_STATES.includes(patch.state as EmulatorConnectionState)) {
      throw new TypeError(`state must be one of ${EMULATOR_CONNECTION_STATES.join(', ')} (or null for the derived one), got ${show(patch.state)}.`);
    } else set('state', patch.state as EmulatorConnectionState);
  }
  if (has('clientAction')) set('clientAction', clearing('clientAction') ? undefined : clientAction(patch.clientAction, 'clientAction'));
  if (has('isDefunct')) set('isDefunct', clearing('isDefunct') ? undefined : boolean(patch.isDefunct, 'isDefunct') || undefined);
  if (has('errors')) {
    if (clearing('errors')) set('errors', undefined);
    else if (!Array.isArray(patch.errors)) throw new TypeError(`errors must be an array of error objects, got ${show(patch.errors)}.`);
    else set('errors', patch.errors.map((item, index) => errorData(item, `errors[${index}]`)));
  }
  if (has('requestError')) set('requestError', clearing('requestError') ? undefined : errorData(patch.requestError, 'requestError'));
  if (has('error')) set('error', clearing('error') ? undefined : errorData(patch.error, 'error'));
  if (has('disconnected')) next.disconnected = clearing('disconnected') ? false : boolean(patch.disconnected, 'disconnected');
  if (has('connected')) next.disconnected = clearing('connected') ? false : !boolean(patch.connected, 'connected');

  if (next.state === 'CLIENT_ACTION_REQUIRED' && !next.clientAction) {
    throw new TypeError('state CLIENT_ACTION_REQUIRED needs a clientAction: { "type": "connect" | "provide-input", "description": "…" }.');
  }
  if (next.state !== 'CLIENT_ACTION_REQUIRED' && next.clientAction) {
    if (has('clientAction')) {
      throw new TypeError(`clientAction is only allowed with state CLIENT_ACTION_REQUIRED (the state is ${next.state ?? 'derived'}); send "state": "CLIENT_ACTION_REQUIRED" with it.`);
    }
    // The state moved away from CLIENT_ACTION_REQUIRED: the action no longer applies.
    delete next.clientAction;
  }
  return next;
}
