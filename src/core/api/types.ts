// Membrane's REST shapes, as far as the kit reads them (docs/membrane-api.md §1 for 1.14,
// docs/membrane-sdk-0.28.md §3 for what 0.28 added). Written here, not imported from an SDK, so
// that lists and statuses load no SDK code. Every field Membrane may leave out is optional.

/**
 * Membrane's error body (`ErrorData`): `{ type, key?, message, data? }`.
 *
 * @example
 * ```ts
 * const body: MembraneErrorData = { type: 'bad_request', key: 'not_authenticated', message: 'Token expired' };
 * ```
 */
export interface MembraneErrorData {
  type?: string;
  key?: string;
  message?: string;
  data?: unknown;
}

/**
 * A customer's connection to an integration. Carries both SDK generations' status fields: 1.14's
 * `disconnected`/`error` and 0.28's `connected`, `state`, `errors`, `requestError`, `isDefunct`.
 *
 * @example
 * ```ts
 * const healthy = (c: MembraneConnection) => c.connected ?? !c.disconnected;
 * ```
 */
export interface MembraneConnection {
  id: string;
  name?: string;
  integrationId?: string;
  userId?: string;
  authOptionKey?: string;
  createdAt?: string;
  updatedAt?: string;
  archivedAt?: string;
  /** 1.14: the credentials stopped working. */
  disconnected?: boolean;
  /** 1.14 (deprecated in 0.28): the connection's last error. */
  error?: MembraneErrorData;
  /** 0.28: whether the connection works. */
  connected?: boolean;
  /** 0.28: `CLIENT_ACTION_REQUIRED`, `BUILDING`, `DISCONNECTING`, `CONFIGURATION_ERROR`, `SETUP_FAILED`, … */
  state?: string;
  clientAction?: { type?: string; description?: string; uiUrl?: string };
  errors?: MembraneErrorData[];
  requestError?: MembraneErrorData;
  isDefunct?: boolean;
  /** 0.28: the integration this connection belongs to. */
  integration?: { id?: string; key?: string; name?: string; logoUri?: string };
  /** 1.14 name of the connection input (0.28: `input`). */
  parameters?: Record<string, unknown>;
  input?: Record<string, unknown>;
}

/**
 * A JSON Schema subset the kit renders as a form (an auth option's `inputSchema ?? ui.schema`).
 *
 * @example
 * ```ts
 * const schema: ParametersSchema = { type: 'object', properties: { subdomain: { type: 'string' } }, required: ['subdomain'] };
 * ```
 */
export interface ParametersSchema {
  type?: string | string[];
  title?: string;
  description?: string;
  format?: string;
  enum?: ReadonlyArray<string | number>;
  /** Display titles of `enum`, in the same order (a common JSON Schema extension). */
  enumNames?: readonly string[];
  /** `oneOf`/`anyOf` of `{ const, title }`: an enum whose options carry their own titles. */
  oneOf?: ReadonlyArray<ParametersSchema>;
  anyOf?: ReadonlyArray<ParametersSchema>;
  const?: unknown;
  default?: unknown;
  properties?: Record<string, ParametersSchema>;
  required?: readonly string[];
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  pattern?: string;
  writeOnly?: boolean;
}

/**
 * An auth option as Membrane sends it on an integration or in a connector spec.
 *
 * @example
 * ```ts
 * const option: MembraneAuthOption = { key: 'api-key', type: 'integration-app-token', ui: { schema } };
 * ```
 */
export interface MembraneAuthOption {
  key?: string;
  type?: string;
  title?: string;
  description?: string;
  /** 0.28 */
  inputSchema?: ParametersSchema;
  /** 1.14 (deprecated in 0.28 in favour of `inputSchema`). */
  ui?: { schema?: ParametersSchema; description?: string; helpUri?: string };
  /** Connector specs nest the options of a multi-option auth here. */
  options?: Record<string, MembraneAuthOption>;
}

/**
 * One element of `POST /connection-options` (membrane-sdk-0.28.md §1, step 1): an auth option the
 * server offers for a connect. The SDK reads only `key` and `type`; the rest is the reference's
 * inferred `GeneratedConnectorOption` shape.
 *
 * @example
 * ```ts
 * const option: MembraneConnectionOption = { key: 'client-credentials', type: 'client-credentials' };
 * ```
 */
export interface MembraneConnectionOption {
  key?: string;
  /** `client-credentials` means no user step: the connect runs in a hidden iframe. */
  type: string;
  title?: string;
  description?: string;
  inputSchema?: ParametersSchema;
  connectorParametersSchema?: unknown;
  oAuthCallbackUri?: string;
}

/**
 * An integration of the workspace, with the current customer's `connection` when there is one.
 *
 * @example
 * ```ts
 * const label = (i: MembraneIntegration) => `${i.name}${i.connection ? ' (connected)' : ''}`;
 * ```
 */
export interface MembraneIntegration {
  id?: string;
  key: string;
  name: string;
  logoUri?: string;
  state?: string;
  connection?: MembraneConnection;
  authOptions?: MembraneAuthOption[];
  authType?: string;
  isDeactivated?: boolean;
}

/**
 * An integration's connector spec (`GET /integrations/{key}/connector-spec`): its auth options.
 *
 * @example
 * ```ts
 * const spec: MembraneConnectorSpec = { auth: { type: 'oauth2' } };
 * ```
 */
export interface MembraneConnectorSpec {
  auth?: MembraneAuthOption;
  [field: string]: unknown;
}

/**
 * One page of a Membrane list: `{ items, cursor }` (no cursor on the last page).
 *
 * @example
 * ```ts
 * const next = (page: MembranePage<MembraneIntegration>) => page.cursor;
 * ```
 */
export interface MembranePage<T> {
  items: T[];
  cursor?: string;
}

/**
 * The current customer, as `GET /self` returns it.
 *
 * @example
 * ```ts
 * const self = await api.getSelf();
 * console.log(self.name);
 * ```
 */
export interface MembraneSelf {
  id?: string;
  name?: string;
  internalId?: string;
  [field: string]: unknown;
}
