export { shutDownGracefully, type ShutdownOptions, type ShutdownStep } from './graceful-shutdown.js';
export { trackInFlightRequests, type InFlightRequest, type InFlightRequests } from './in-flight-requests.js';
export { listen, ListenError } from './listen.js';
export { answerCutOffRequest } from './answer-cut-off-request.js';
