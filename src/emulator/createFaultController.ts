/** What the consent page does by itself: `manual` waits for a click on Allow or Deny. */
export type ConsentMode = 'manual' | 'allow' | 'deny' | 'fail';

/** An error answered instead of the real response. */
export interface ErrorFault {
  /** HTTP status, 400–599. The body is Membrane's error for that status. */
  status: number;
  /** How many matching requests fail; omitted: every matching request until cleared. */
  times?: number;
  /**
   * Path pattern relative to the mount, optionally prefixed by a method: `/integrations`,
   * `/connections/*`, `GET /integrations/:idOrKey`. `*` matches anything, `:name` one segment.
   * Omitted: every API request.
   */
  route?: string;
  /** Error message; a default per status otherwise. */
  message?: string;
}

/** Every fault setting. */
export interface FaultSettings {
  /** Extra delay in milliseconds before every API answer. */
  latencyMs: number;
  /** Error faults, checked in order; the first match answers. */
  errors: ErrorFault[];
  /** Answer every authenticated API request with `401 not_authenticated`, whatever the token. */
  unauthenticated: boolean;
  /** Lifetime in seconds of tokens from `POST /_emulator/token` (shorter than asked for). */
  tokenExpiresIn: number | null;
  /** What the consent page (popup, iframe and prebuilt connect UI) does by itself. */
  consent: ConsentMode;
}

/** Reads and changes the fault settings of a running emulator. */
export interface FaultController {
  get(): FaultSettings;
  /** Merges settings; validates them and throws a `TypeError` that names the bad field. */
  set(settings: Partial<FaultSettings>): FaultSettings;
  /** Adds one error fault, e.g. `{ status: 500, times: 1 }` for "the next request fails". */
  addError(fault: ErrorFault): FaultSettings;
  /** Back to no faults. */
  clear(): void;
  /** The error fault matching this request, consuming one of its `times`; internal to the app. */
  takeError(method: string, path: string): ErrorFault | undefined;
}

const CONSENT_MODES: readonly ConsentMode[] = ['manual', 'allow', 'deny', 'fail'];

const defaults = (): FaultSettings => ({
  latencyMs: 0,
  errors: [],
  unauthenticated: false,
  tokenExpiresIn: null,
  consent: 'manual',
});

function validateErrorFault(fault: unknown, index: number): ErrorFault {
  const where = `faults.errors[${index}]`;
  if (typeof fault !== 'object' || fault === null) throw new TypeError(`${where} must be an object like { status: 500 }.`);
  const { status, times, route, message } = fault as Record<string, unknown>;
  if (typeof status !== 'number' || !Number.isInteger(status) || status < 400 || status > 599) {
    throw new TypeError(`${where}.status must be an HTTP error status between 400 and 599, got ${JSON.stringify(status)}.`);
  }
  if (times !== undefined && (typeof times !== 'number' || !Number.isInteger(times) || times < 1)) {
    throw new TypeError(`${where}.times must be a positive integer (or omitted for "until cleared").`);
  }
  if (route !== undefined && (typeof route !== 'string' || route.trim() === '')) {
    throw new TypeError(`${where}.route must be a path pattern such as "/integrations/*" or "GET /connections".`);
  }
  if (message !== undefined && typeof message !== 'string') throw new TypeError(`${where}.message must be a string.`);
  return {
    status,
    ...(times === undefined ? {} : { times }),
    ...(route === undefined ? {} : { route: route.trim() }),
    ...(message === undefined ? {} : { message }),
  };
}

function validate(settings: Partial<FaultSettings>): Partial<FaultSettings> {
  if (typeof settings !== 'object' || settings === null) throw new TypeError('Fault settings must be an object.');
  const known = new Set(Object.keys(defaults()));
  for (const key of Object.keys(settings)) {
    if (!known.has(key)) throw new TypeError(`Unknown fault "${key}". Known faults: ${[...known].join(', ')}.`);
  }
  const { latencyMs, errors, unauthenticated, tokenExpiresIn, consent } = settings;
  if (latencyMs !== undefined && (typeof latencyMs !== 'number' || !Number.isFinite(latencyMs) || latencyMs < 0 || latencyMs > 60_000)) {
    throw new TypeError('faults.latencyMs must be a number of milliseconds between 0 and 60000.');
  }
  if (errors !== undefined && !Array.isArray(errors)) throw new TypeError('faults.errors must be an array of { status, times?, route?, message? }.');
  if (unauthenticated !== undefined && typeof unauthenticated !== 'boolean') throw new TypeError('faults.unauthenticated must be a boolean.');
  if (
    tokenExpiresIn !== undefined &&
    tokenExpiresIn !== null &&
    (typeof tokenExpiresIn !== 'number' || !Number.isFinite(tokenExpiresIn) || tokenExpiresIn <= 0)
  ) {
    throw new TypeError('faults.tokenExpiresIn must be a positive number of seconds, or null to turn it off.');
  }
  if (consent !== undefined && !CONSENT_MODES.includes(consent)) {
    throw new TypeError(`faults.consent must be one of ${CONSENT_MODES.join(', ')}, got ${JSON.stringify(consent)}.`);
  }
  return {
    ...settings,
    ...(errors === undefined ? {} : { errors: errors.map(validateErrorFault) }),
  };
}

/** `*` matches anything, `:name` one path segment; an optional leading method must match too. */
function matchesRoute(route: string | undefined, method: string, path: string): boolean {
  if (route === undefined) return true;
  const [first, ...rest] = route.split(/\s+/);
  const hasMethod = rest.length > 0;
  if (hasMethod && first?.toUpperCase() !== method.toUpperCase()) return false;
  const pattern = hasMethod ? rest.join('') : route;
  const normalized = `/${pattern.replace(/^\/+/, '')}`;
  const source = normalized
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/:[A-Za-z_][\w]*/g, '[^/]+'))
    .join('.*');
  return new RegExp(`^${source}/?$`).test(path);
}

/**
 * Creates the fault settings of an emulator. Every emulator has one (`emulator.faults`); it is
 * also reachable over HTTP at `/_emulator/faults`.
 *
 * @example
 * ```ts
 * const faults = createFaultController();
 * faults.addError({ status: 500, times: 1, route: 'GET /integrations' }); // the next list fails
 * faults.set({ latencyMs: 300, consent: 'allow' });
 * ```
 */
export function createFaultController(initial: Partial<FaultSettings> = {}): FaultController {
  let settings: FaultSettings = { ...defaults(), ...validate(initial) };
  return {
    get: () => structuredClone(settings),
    set(partial) {
      settings = { ...settings, ...validate(partial) };
      return structuredClone(settings);
    },
    addError(fault) {
      settings = { ...settings, errors: [...settings.errors, validateErrorFault(fault, settings.errors.length)] };
      return structuredClone(settings);
    },
    clear() {
      settings = defaults();
    },
    takeError(method, path) {
      const index = settings.errors.findIndex((fault) => matchesRoute(fault.route, method, path));
      const fault = settings.errors[index];
      if (!fault) return undefined;
      if (fault.times !== undefined) {
        const errors = [...settings.errors];
        if (fault.times <= 1) errors.splice(index, 1);
        else errors[index] = { ...fault, times: fault.times - 1 };
        settings = { ...settings, errors };
      }
      return fault;
    },
  };
}
