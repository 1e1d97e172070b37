// The code of the custom flow's transports, loaded by `createConnectFlow` on first use (or on
// prefetch): the popup itself is opened synchronously in the click, everything after it can wait
// for this chunk, so a page that only shows statuses never downloads it.
export { connectInIframe } from './connectInIframe.js';
export { connectWithPopup } from './connectWithPopup.js';
export { connectWithRedirect } from './connectWithRedirect.js';
