export * from './app-errors.js';
export { classifyError } from './classify-error.js';
