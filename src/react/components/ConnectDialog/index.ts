export { ConnectDialog, type ConnectDialogProps } from './ConnectDialog.js';
