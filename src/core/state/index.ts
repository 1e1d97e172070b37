export {
  getConnectionState,
  getConnectionErrorMessage,
  CONNECTION_STATES,
  type ConnectionState,
} from './getConnectionState.js';
export { createPendingConnectStore, type PendingConnectStore, type PendingConnects } from './createPendingConnectStore.js';
