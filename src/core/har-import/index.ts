// The public face of src/core/har-import: code outside this folder imports only this file.
export * from './decode';
export { harPages, isHarEntry, type FileHarEntry, type FileHarPage } from './har-entry';
export * from './import';
export { HarScanner, type ScanState } from './scan';
export { IMPORTED_TAB, importEntry, type ImportedEvent } from './to-event';
