// The public face of src/core/cookies: the cookie-jar facts of a 401, why a cookie did not go, and
// whether the browser stored what a Set-Cookie field asked for.
export * from './match';
export * from './set-cookie';
export * from './set-cookie-notes';
export * from './set-cookie-verdict';
export * from './types';
export * from './why-not-sent';
