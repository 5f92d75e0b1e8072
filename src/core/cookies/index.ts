// The public face of src/core/cookies: the cookie-jar facts of a 401 and why a cookie did not go.
export * from './match';
export * from './types';
export * from './why-not-sent';
