// The public face of src/core/secrets: the ONE secret policy. The record builder (at capture) and every
// output (report, HAR, cURL, live DevTools facts, popup and panel) mask through these functions, so no
// copy of a value can be less masked than another. README "Privacy" states the policy in prose.
export { cutMarker, MASK, MAX_MASK_INPUT } from './cut';
export { maskCookie, maskHeader, maskSetCookie } from './headers';
export { credentialScheme, maskedAuthorization, NO_SCHEME } from './scheme-word';
export { looksSecret } from './shapes';
export { countMaskSteps } from './steps';
export { maskText } from './text';
export { maskChain, maskUrl } from './url';
export { isSecretName, normalizeName, SECRET_WORDS } from './vocabulary';
