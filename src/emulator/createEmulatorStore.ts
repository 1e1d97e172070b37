import { createId } from './createId.js';
import { isConnectionConnected } from './toApiConnection.js';
import { createDefaultSeed } from './seed/createDefaultSeed.js';
import type {
  EmulatorConnectionRecord,
  EmulatorCustomer,
  EmulatorIntegrationRecord,
  EmulatorRequestLogEntry,
  EmulatorSeed,
  EmulatorSnapshot,
} from './types.js';

/** Filters of `store.findConnections` (the `GET /connections` query). */
export interface ConnectionFilter {
  /** Membrane id or `internalId` of the customer. */
  userId?: string;
  integrationId?: string;
  integrationKey?: string;
  includeArchived?: boolean;
  isTest?: boolean;
  /** 0.28's health flag, as `toApiConnection` derives it (not disconnected, no `error`, not defunct). */
  connected?: boolean;
  /** The stored (1.14) `disconnected` flag. */
  disconnected?: boolean;
  /**
   * Case-insensitive text found in the connection's name or its integration's key or name
   * (the emulator's guess: which fields Membrane's `search` matches is unknown).
   */
  search?: string;
}

/** One changed connection, as {@link EmulatorStore.watchConnections} reports it. */
export interface EmulatorConnectionChange {
  /** The connection after the change (before it, for one that a reset or restore removed). */
  connection: EmulatorConnectionRecord;
  /** The `internalId` (the token's `id`) of the customer it belongs to, when that customer is known. */
  customerInternalId: string | undefined;
}

/** The emulator's in-memory workspace. */
export interface EmulatorStore {
  readonly integrations: readonly EmulatorIntegrationRecord[];
  readonly customers: ReadonlyMap<string, EmulatorCustomer>;
  readonly connections: ReadonlyMap<string, EmulatorConnectionRecord>;
  /** Every request the app served (controls under `/_emulator` excluded), oldest first. */
  readonly requests: EmulatorRequestLogEntry[];
  /** The customer the token endpoint signs for by default. */
  readonly defaultCustomer: EmulatorSeed['defaultCustomer'];
  findIntegration(idOrKey: string): EmulatorIntegrationRecord | undefined;
  findCustomer(idOrInternalId: string): EmulatorCustomer | undefined;
  /** Creates the customer the first time its token `id` is seen; updates name and fields after. */
  upsertCustomer(claims: { internalId: string; name?: string; fields?: Record<string, unknown> }): EmulatorCustomer;
  updateCustomer(id: string, patch: Partial<Pick<EmulatorCustomer, 'name' | 'fields' | 'credentials'>>): EmulatorCustomer;
  findConnections(filter?: ConnectionFilter): EmulatorConnectionRecord[];
  createConnection(
    data: Omit<EmulatorConnectionRecord, 'id' | 'createdAt' | 'updatedAt' | 'disconnected'> & { disconnected?: boolean },
  ): EmulatorConnectionRecord;
  updateConnection(id: string, patch: Partial<Omit<EmulatorConnectionRecord, 'id' | 'createdAt'>>): EmulatorConnectionRecord;
  /** Back to the seed: customers and connections restored, request log emptied. */
  reset(): void;
  snapshot(): EmulatorSnapshot;
  restore(snapshot: EmulatorSnapshot): void;
  /** Called after every change of customers or connections (used by persistence). */
  subscribe(listener: () => void): () => void;
  /**
   * Called after every created or updated connection; after `reset()` and `restore()` once for each
   * connection there before or after (used by the `/sse/workspace` stream).
   */
  watchConnections(listener: (change: EmulatorConnectionChange) => void): () => void;
}

/**
 * Creates the emulator's in-memory store from a seed (default: {@link createDefaultSeed}).
 *
 * @example
 * ```ts
 * const store = createEmulatorStore();
 * store.findIntegration('hubspot')?.name; // 'HubSpot'
 * store.findConnections({ userId: 'demo-customer' }).length; // 3
 * ```
 */
export function createEmulatorStore(seed: EmulatorSeed = createDefaultSeed()): EmulatorStore {
  const pristine = structuredClone(seed);
  const now = (): string => new Date().toISOString();
  const integrations: EmulatorIntegrationRecord[] = pristine.integrations.map((integration) => ({
    ...integration,
    createdAt: integration.createdAt ?? '2024-11-01T00:00:00.000Z',
    updatedAt: integration.updatedAt ?? '2024-11-01T00:00:00.000Z',
  }));
  const customers = new Map<string, EmulatorCustomer>();
  const connections = new Map<string, EmulatorConnectionRecord>();
  const requests: EmulatorRequestLogEntry[] = [];
  const listeners = new Set<() => void>();
  const changed = (): void => listeners.forEach((listener) => listener());
  const connectionListeners = new Set<(change: EmulatorConnectionChange) => void>();
  const changeOf = (connection: EmulatorConnectionRecord): EmulatorConnectionChange => ({
    connection,
    customerInternalId: customers.get(connection.userId)?.internalId,
  });
  const connectionsChanged = (changes: EmulatorConnectionChange[]): void =>
    changes.forEach((change) => connectionListeners.forEach((listener) => listener(change)));
  /** Replaces customers and connections, then reports every connection there before or after. */
  const replaceAll = (data: Pick<EmulatorSnapshot, 'customers' | 'connections'>): void => {
    const before = [...connections.values()].map(changeOf);
    load(data);
    const after = [...connections.values()].map(changeOf);
    changed();
    connectionsChanged([...before.filter((change) => !connections.has(change.connection.id)), ...after]);
  };

  const load = (data: Pick<EmulatorSnapshot, 'customers' | 'connections'>): void => {
    customers.clear();
    connections.clear();
    for (const customer of data.customers) customers.set(customer.id, structuredClone(customer));
    for (const connection of data.connections) connections.set(connection.id, structuredClone(connection));
  };
  const seedState = (): Pick<EmulatorSnapshot, 'customers' | 'connections'> => ({
    customers: pristine.customers.map((customer) => ({
      isTest: false,
      isBillable: true,
      createdAt: '2024-11-01T00:00:00.000Z',
      ...customer,
    })),
    connections: pristine.connections.map((connection) => ({
      createdAt: '2024-11-01T00:00:00.000Z',
      updatedAt: connection.createdAt ?? '2024-11-01T00:00:00.000Z',
      ...connection,
    })),
  });
  load(seedState());

  const findCustomer = (idOrInternalId: string): EmulatorCustomer | undefined =>
    customers.get(idOrInternalId) ?? [...customers.values()].find((customer) => customer.internalId === idOrInternalId);

  const store: EmulatorStore = {
    integrations,
    customers,
    connections,
    requests,
    defaultCustomer: pristine.defaultCustomer,
    findIntegration: (idOrKey) => integrations.find((integration) => integration.id === idOrKey || integration.key === idOrKey),
    findCustomer,
    upsertCustomer({ internalId, name, fields }) {
      // A token's `id` is the customer's external id only: never matched against Membrane ids,
      // or a token whose id is another customer's Membrane id would act as that customer.
      const existing = [...customers.values()].find((customer) => customer.internalId === internalId);
      const lastActiveAt = now();
      if (existing) {
        const updated: EmulatorCustomer = {
          ...existing,
          name: name ?? existing.name,
          fields: fields ?? existing.fields,
          lastActiveAt,
        };
        customers.set(existing.id, updated);
        if (updated.name !== existing.name || JSON.stringify(updated.fields) !== JSON.stringify(existing.fields)) changed();
        return updated;
      }
      const created: EmulatorCustomer = {
        id: createId(),
        internalId,
        name: name ?? internalId,
        ...(fields ? { fields } : {}),
        isTest: false,
        isBillable: true,
        lastActiveAt,
        createdAt: lastActiveAt,
      };
      customers.set(created.id, created);
      changed();
      return created;
    },
    updateCustomer(id, patch) {
      const existing = customers.get(id);
      if (!existing) throw new Error(`Unknown customer ${id}.`);
      const updated = { ...existing, ...patch };
      customers.set(id, updated);
      changed();
      return updated;
    },
    findConnections(filter = {}) {
      const user = filter.userId === undefined ? undefined : findCustomer(filter.userId);
      if (filter.userId !== undefined && !user) return [];
      const integration =
        filter.integrationId !== undefined || filter.integrationKey !== undefined
          ? store.findIntegration(filter.integrationId ?? filter.integrationKey ?? '')
          : undefined;
      if ((filter.integrationId !== undefined || filter.integrationKey !== undefined) && !integration) return [];
      // Every emulated connection is a production one.
      if (filter.isTest === true) return [];
      const search = filter.search?.trim().toLowerCase();
      const matchesSearch = (connection: EmulatorConnectionRecord): boolean => {
        if (!search) return true;
        const app = integrations.find((candidate) => candidate.id === connection.integrationId);
        return [connection.name, app?.key, app?.name].some((text) => text?.toLowerCase().includes(search));
      };
      return [...connections.values()].filter(
        (connection) =>
          (!user || connection.userId === user.id) &&
          (!integration || connection.integrationId === integration.id) &&
          (filter.includeArchived === true || connection.archivedAt === undefined) &&
          (filter.connected === undefined || isConnectionConnected(connection) === filter.connected) &&
          (filter.disconnected === undefined || connection.disconnected === filter.disconnected) &&
          matchesSearch(connection),
      );
    },
    createConnection(data) {
      const timestamp = now();
      const record: EmulatorConnectionRecord = {
        disconnected: false,
        ...structuredClone(data),
        id: createId(),
        createdAt: timestamp,
        updatedAt: timestamp,
      };
      connections.set(record.id, record);
      changed();
      connectionsChanged([changeOf(record)]);
      return record;
    },
    updateConnection(id, patch) {
      const existing = connections.get(id);
      if (!existing) throw new Error(`Unknown connection ${id}.`);
      const updated: EmulatorConnectionRecord = { ...existing, ...structuredClone(patch), id, updatedAt: now() };
      for (const key of Object.keys(patch) as Array<keyof typeof patch>) {
        if (patch[key] === undefined) delete updated[key];
      }
      connections.set(id, updated);
      changed();
      connectionsChanged([changeOf(updated)]);
      return updated;
    },
    reset() {
      requests.length = 0;
      replaceAll(seedState());
    },
    snapshot: () => ({
      version: 1,
      customers: structuredClone([...customers.values()]),
      connections: structuredClone([...connections.values()]),
    }),
    restore(snapshot) {
      if (snapshot?.version !== 1 || !Array.isArray(snapshot.customers) || !Array.isArray(snapshot.connections)) {
        throw new TypeError('Not an emulator snapshot: expected { version: 1, customers: [], connections: [] }.');
      }
      replaceAll(snapshot);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    watchConnections(listener) {
      connectionListeners.add(listener);
      return () => connectionListeners.delete(listener);
    },
  };
  return store;
}
