// The public face of src/core/servers: which server, gateway or proxy asked for credentials.
export { identifyServer, proxyNameOf, type Identification } from './identify';
export { PRODUCTS, type ProductId, type ProductRole } from './products';
export { MAX_BODY_CHARS, type BodyFingerprint } from './body';
export { fingerprintBody, isTextLike } from './fingerprint';
