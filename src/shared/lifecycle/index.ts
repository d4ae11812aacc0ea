export { shutDownGracefully } from './graceful-shutdown.js';
export { trackInFlightRequests, type InFlightRequests } from './in-flight-requests.js';
export { listen } from './listen.js';
export { answerCutOffRequest } from './answer-cut-off-request.js';
