import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

interface InFlightRequest {
  req: IncomingMessage;
  res: ServerResponse;
}

export interface InFlightRequests {
  /** Requests received whose response has not closed yet. */
  readonly count: number;
  /**
   * From now on every response not yet begun says `Connection: close` (its connection closes after it),
   * and once no request is in flight, connections without a request in progress are closed.
   */
  closeConnectionsAfterResponses(): void;
  /** Requests whose response has not begun yet (nothing written, so a whole answer can still be given). */
  unanswered(): InFlightRequest[];
  /** Resolves when no request is in flight. */
  whenNone(): Promise<void>;
}

/**
 * Follows every request of an HTTP server from its arrival to its response closing, and every connection,
 * so that a stop can answer what was accepted and close the rest. Registered before the app's own
 * request listener, so it sees each request first.
 */
export function trackInFlightRequests(server: Server): InFlightRequests {
  const inFlight = new Map<ServerResponse, IncomingMessage>();
  const connections = new Set<Socket>();
  const waiting = new Set<() => void>();
  let closing = false;

  // Closes connections that carry no request: keep-alive ones between requests (closeIdleConnections),
  // and ones that have not sent a byte yet, which Node counts as busy (a browser's speculative connection
  // would otherwise hold the stop until the limit). Done only when no request is in flight: until then a
  // request already on its way over such a connection is still read and answered, not reset.
  const closeConnectionsWithoutRequest = () => {
    if (inFlight.size > 0) return;
    server.closeIdleConnections();
    for (const socket of connections) {
      if (socket.bytesRead === 0 && !socket.destroyed) socket.destroy();
    }
  };

  server.on('connection', (socket: Socket) => {
    connections.add(socket);
    socket.once('close', () => connections.delete(socket));
  });

  server.prependListener('request', (req: IncomingMessage, res: ServerResponse) => {
    inFlight.set(res, req);
    if (closing) res.setHeader('Connection', 'close');
    res.once('close', () => {
      inFlight.delete(res);
      if (inFlight.size > 0) return;
      for (const resolve of waiting) resolve();
      // Next turn: the finished response's connection is idle by then (or closing, if it said so).
      if (closing) setImmediate(closeConnectionsWithoutRequest);
    });
  });

  return {
    get count() {
      return inFlight.size;
    },
    closeConnectionsAfterResponses() {
      closing = true;
      for (const res of inFlight.keys()) {
        if (!res.headersSent) res.setHeader('Connection', 'close');
      }
      closeConnectionsWithoutRequest();
    },
    unanswered() {
      return [...inFlight].filter(([res]) => !res.headersSent).map(([res, req]) => ({ req, res }));
    },
    whenNone() {
      if (inFlight.size === 0) return Promise.resolve();
      return new Promise<void>((resolve) => {
        const done = () => {
          waiting.delete(done);
          resolve();
        };
        waiting.add(done);
      });
    },
  };
}
