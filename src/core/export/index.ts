// The public face of src/core/export: code outside this folder imports only this file.
export * from './curl';
export * from './har';
export * from './report';
export * from './report-markdown';
