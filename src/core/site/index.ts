// The public face of src/core/site: the site of a host by the public-suffix list, and safe URL parsing.
export * from './site';
export * from './url';
