export {
  getConnectionState,
  getConnectionDetails,
  getConnectionErrorMessage,
  isRepairState,
  CONNECTION_STATES,
  type ConnectionState,
  type ConnectionAction,
  type ConnectionDetails,
} from './getConnectionState.js';
export { createPendingConnectStore, type PendingConnectStore, type PendingConnects } from './createPendingConnectStore.js';
