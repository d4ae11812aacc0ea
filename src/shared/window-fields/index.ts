export { checkWindowRows, takeWindows, windowFields, WINDOW_ROWS } from './window-fields.js';
export { windowRows, windowValues, clearWindowValues } from './window-rows.js';
