export { isValidWindow, minutesOf, type TimeWindow } from './time-window.js';
