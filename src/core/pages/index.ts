// The public face of src/core/pages: code outside this folder imports only this file.
export * from './kind';
