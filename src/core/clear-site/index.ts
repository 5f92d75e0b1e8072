// The public face of src/core/clear-site: code outside this folder imports only this file.
export * from './cookie-restore';
export * from './kinds';
export * from './recheck';
export * from './scope';
export * from './site-bounds';
