export { installViewEngine } from './view-engine.js';
export { formatDateHelper } from './helpers/format-helpers.js';
export { tHelper } from './helpers/t-helper.js';
