/**
 * Public types of the local Membrane emulator. Shapes follow the Membrane API
 * (`@integration-app/sdk` 1.14 types) so the official SDK reads them unchanged.
 */

/** A JSON Schema as Membrane uses it in `ui.schema`. Secrets carry `format: 'password'`. */
export interface EmulatorDataSchema {
  type?: string | string[];
  title?: string;
  description?: string;
  format?: string;
  enum?: string[];
  /** Titles of `enum`, in order (JSON Schema extension many connectors use). */
  enumNames?: string[];
  /** Choices with their own titles: `[{ const, title }]`. */
  oneOf?: Array<{ const: string; title?: string }>;
  default?: unknown;
  examples?: unknown[];
  properties?: Record<string, EmulatorDataSchema>;
  required?: string[];
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  writeOnly?: boolean;
  items?: EmulatorDataSchema;
}

/** Membrane's auth types (`CONNECTOR_AUTH_TYPES`). */
export type EmulatorAuthType = 'oauth2' | 'oauth1' | 'client-credentials' | 'integration-app-token' | 'proxy';

/** One way to authenticate with an app: an entry of `integration.authOptions`. */
export interface EmulatorAuthOption {
  key: string;
  type: EmulatorAuthType;
  title?: string;
  description?: string;
  /** The input form schema, as `@membranehq/sdk` 0.28 reads it (`inputSchema ?? ui.schema`). */
  inputSchema?: EmulatorDataSchema;
  ui?: { schema?: EmulatorDataSchema; description?: string; helpUri?: string };
}

/** An app of the seed workspace, as the store keeps it. */
export interface EmulatorIntegrationRecord {
  id: string;
  key: string;
  name: string;
  logoUri: string;
  baseUri: string;
  appUri: string;
  apiDocsUri?: string;
  /** The first option is the default one (used when a connect request names none). */
  authOptions: EmulatorAuthOption[];
  createdAt: string;
  updatedAt: string;
}

/** A customer (Membrane "user"/"tenant"); `internalId` is the `id` claim of its tokens. */
export interface EmulatorCustomer {
  id: string;
  internalId: string;
  name: string;
  fields?: Record<string, unknown>;
  credentials?: unknown;
  isTest: boolean;
  isBillable: boolean;
  lastActiveAt?: string;
  createdAt: string;
}

/** Membrane's error body. */
export interface EmulatorErrorData {
  type: string;
  key?: string;
  message: string;
  data?: unknown;
}

/** Membrane's `WorkspaceElementState` (membrane-sdk-0.28.md §3). */
export type EmulatorConnectionState =
  | 'BUILDING'
  | 'CLIENT_ACTION_REQUIRED'
  | 'CONFIGURATION_ERROR'
  | 'SETUP_FAILED'
  | 'READY'
  | 'DISCONNECTING';

/** What the customer must do, present iff `state` is `CLIENT_ACTION_REQUIRED` (membrane-sdk-0.28.md §3). */
export interface EmulatorClientAction {
  type: 'connect' | 'provide-input';
  description: string;
  uiUrl?: string;
  agentInstructions?: string;
}

/**
 * The 0.28 status fields a connection record may carry (set by the seed or by
 * `PATCH /_emulator/connections/:selector`); all optional.
 */
export interface EmulatorConnectionStatusFields {
  /** Overrides the derived state (`READY`, or `CONFIGURATION_ERROR` when broken). */
  state?: EmulatorConnectionState;
  /** Required with `state: 'CLIENT_ACTION_REQUIRED'`, refused with any other state. */
  clientAction?: EmulatorClientAction;
  /** A defunct connection answers `connected: false`. */
  isDefunct?: boolean;
  /** Overrides the derived `errors` (`[error]` when `error` is set). */
  errors?: EmulatorErrorData[];
  /** The last request's failure; does not make the connection disconnected. */
  requestError?: EmulatorErrorData;
}

/** A connection as the store keeps it, secrets included. */
export interface EmulatorConnectionRecord extends EmulatorConnectionStatusFields {
  id: string;
  name: string;
  /** The customer's Membrane id (`EmulatorCustomer.id`). */
  userId: string;
  integrationId: string;
  authOptionKey: string;
  /** Parameters entered by the customer (secrets included; never sent back by the API). */
  parameters: Record<string, unknown>;
  disconnected: boolean;
  error?: EmulatorErrorData;
  /** True when refreshing the credentials cannot succeed (e.g. the token was revoked). */
  revoked?: boolean;
  /**
   * 0.28's free-form `meta` (membrane-sdk-0.28.md §3). The emulator keeps the account a connection
   * signed in as under `meta.account` (`{ email, domain }`); where real Membrane reports the
   * account identity is not documented, so this is the emulator's guess.
   */
  meta?: Record<string, unknown>;
  createdAt: string;
  updatedAt: string;
  archivedAt?: string;
}

/** A connection as the API answers it. */
export interface EmulatorConnection {
  id: string;
  name: string;
  userId: string;
  integrationId: string;
  authOptionKey: string;
  /** The integration, as 0.28's `connection.integration` (left out inside `integration.connection`). */
  integration?: { id: string; key: string; name: string; logoUri: string };
  /** 0.28's health flag: false when disconnected, in error (1.14 `error`) or defunct. */
  connected: boolean;
  /** 1.14's flag (deprecated in 0.28), kept as stored. */
  disconnected: boolean;
  isTest: boolean;
  state: EmulatorConnectionState;
  clientAction?: EmulatorClientAction;
  isDefunct: boolean;
  /** 1.14's single error (deprecated in 0.28). */
  error?: EmulatorErrorData;
  errors: EmulatorErrorData[];
  requestError?: EmulatorErrorData;
  /** 0.28's `meta`; the emulator puts the account identity in `meta.account` (`{ email, domain }`). */
  meta?: Record<string, unknown>;
  createdAt: string;
  updatedAt: string;
  archivedAt?: string;
}

/** One logged request (see `store.requests`). */
export interface EmulatorRequestLogEntry {
  method: string;
  /** Path relative to the emulator's mount point, e.g. `/integrations`. */
  path: string;
  query: Record<string, string>;
  status: number;
  /** `internalId` of the customer whose token authenticated the request, if any. */
  customerId?: string;
  at: string;
  durationMs: number;
}

/** Initial data of a workspace (see `createDefaultSeed`). */
export interface EmulatorSeed {
  integrations: Array<Omit<EmulatorIntegrationRecord, 'createdAt' | 'updatedAt'> & { createdAt?: string; updatedAt?: string }>;
  customers: Array<Omit<EmulatorCustomer, 'isTest' | 'isBillable' | 'createdAt'> & Partial<Pick<EmulatorCustomer, 'isTest' | 'isBillable' | 'createdAt'>>>;
  connections: Array<Omit<EmulatorConnectionRecord, 'createdAt' | 'updatedAt'> & { createdAt?: string; updatedAt?: string }>;
  /** The customer the token endpoint signs for when the request names none. */
  defaultCustomer: { id: string; name: string; fields?: Record<string, unknown> };
}

/** Serializable state of a store (used for JSON-file persistence). */
export interface EmulatorSnapshot {
  version: 1;
  customers: EmulatorCustomer[];
  connections: EmulatorConnectionRecord[];
}
