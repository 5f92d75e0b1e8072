// The public face of src/core/record: code outside this folder imports only this file.
export * from './build';
// The scheme-word rule belongs to the secret policy; re-exported for the record's readers.
export { credentialScheme, NO_SCHEME } from '../secrets';
export * from './event';
export * from './filter';
export * from './response-facts';
export * from './segments';
export * from './tab-log';
