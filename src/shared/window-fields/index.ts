export {
  checkWindowRows,
  takeWindows,
  windowFields,
  WINDOW_ROWS,
  type WindowField,
} from './window-fields.js';
export { windowRows, windowValues, clearWindowValues } from './window-rows.js';
