export { isValidWindow, minutesOf, type TimeWindow } from './time-window.js';
export { danishDay } from './danish-day.js';
