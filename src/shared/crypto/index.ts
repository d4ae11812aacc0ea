export { createOneTimeToken, hashToken } from './one-time-token.js';
export { sealSecret, openSecret } from './secret-box.js';
