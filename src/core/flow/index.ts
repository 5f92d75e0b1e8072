// The public face of src/core/flow: sign-in steps (OAuth 2.0 / OIDC, SAML) and the flow around a 401.
export * from './flow-of';
export * from './recognize';
export * from './types';
export * from './body-facts';
export * from './saml-status';
export * from './token-error';
