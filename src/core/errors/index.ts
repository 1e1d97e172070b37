export { KitError, KIT_ERROR_CODES, isKitError, type KitErrorCode, type KitErrorOptions } from './KitError.js';
export { toKitError } from './toKitError.js';
