// The public face of src/core/live: code outside this folder imports only this file.
export * from './live-facts';
export * from './live-facts-index';
export * from './body-facts';
