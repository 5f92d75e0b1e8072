// The public face of src/core/record: code outside this folder imports only this file.
export * from './build';
export * from './credential-scheme';
export * from './event';
export * from './filter';
export * from './response-facts';
export * from './segments';
export * from './tab-log';
