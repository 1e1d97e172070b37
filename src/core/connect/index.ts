export { createConnectFlow } from './createConnectFlow.js';
export type { ConnectFlow, ConnectFlowOptions, ConnectFlowSnapshot, ConnectFlowStatus, ConnectInput } from './createConnectFlow.js';
export type { ConnectFlowHost } from './ConnectFlowHost.js';
export type { ConnectFlowEvent, ConnectMode } from './ConnectFlowEvent.js';
export { createRedirectClaim } from './createRedirectClaim.js';
export { createRequestId } from './createRequestId.js';
export { getAuthOptions, needsParameters, type AuthOption } from './getAuthOptions.js';
export { getConnectTransport, type ConnectTransport } from './getConnectTransport.js';
export { findConnectionOption } from './findConnectionOption.js';
export {
  submitConnectionForm,
  connectionPayload,
  connectUrl,
  type ConnectionRequestFields,
} from './submitConnectionForm.js';
export { openConnectPopup, type ConnectPopupHandle } from './openConnectPopup.js';
export {
  listenForConnectionResult,
  type ConnectRequestResult,
  type ConnectionResultListener,
  type ListenOptions,
} from './listenForConnectionResult.js';
export { connectWithPopup, type ConnectRequestOptions } from './connectWithPopup.js';
export { connectInIframe } from './connectInIframe.js';
export { connectFailureToKitError } from './connectFailureToKitError.js';
export { REDIRECT_REQUEST_PARAM } from './REDIRECT_REQUEST_PARAM.js';
export { REDIRECT_MARKER_MAX_AGE_MS } from './REDIRECT_MARKER_KEY.js';
export {
  connectWithRedirect,
  REDIRECT_MARKER_KEY,
  type ConnectRedirectOptions,
  type ConnectRedirectMarker,
} from './connectWithRedirect.js';
export {
  readConnectRedirectResult,
  clearConnectRedirectResult,
  type ConnectRedirectResult,
} from './readConnectRedirectResult.js';
