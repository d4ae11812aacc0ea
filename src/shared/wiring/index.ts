export {
  seam,
  signal,
  provide,
  listen,
  wired,
  listenersOf,
  wiringMiddleware,
  enterWiring,
  Wiring,
  type Seam,
  type Signal,
  type Provision,
} from './wiring.js';
