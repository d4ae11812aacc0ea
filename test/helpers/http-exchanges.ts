import http from 'node:http';
import { connect, type Socket } from 'node:net';

/** What one request got: a status and whether the whole response arrived, or the client's error code. */
export interface Outcome {
  id: string;
  status?: number;
  headers?: http.IncomingHttpHeaders;
  /** The whole message arrived (every byte Content-Length or the chunking promised). */
  complete: boolean;
  body: string;
  /** ECONNREFUSED, ECONNRESET, … when no response arrived. */
  error?: string;
  /** Sent on a keep-alive connection that had carried an earlier request. */
  reusedSocket: boolean;
}

export interface RequestOptions {
  path: string;
  method?: string;
  /** A keep-alive agent, or false for a connection of its own. */
  agent: http.Agent | false;
  headers?: Record<string, string>;
  /** A request id the server logs (letters, digits and '-', 8 to 64 of them). */
  id: string;
}

/** Sends a request and settles with its outcome; never rejects. */
export function requestOutcome(baseUrl: string, options: RequestOptions, body?: string): Promise<Outcome> {
  const req = openRequest(baseUrl, options);
  req.end(body);
  return outcomeOf(req, options.id);
}

export interface SlowRequest {
  /** Resolves when the server answered "100 Continue": it has the headers and runs the request. */
  accepted: Promise<void>;
  /** Sends the rest of the body. */
  finish(): void;
  outcome: Promise<Outcome>;
}

/** A POST whose body is still arriving: the headers ask for "100 Continue", the body comes on finish(). */
export function startSlowPost(baseUrl: string, options: RequestOptions, body: string): SlowRequest {
  const req = openRequest(baseUrl, {
    ...options,
    method: 'POST',
    headers: {
      ...options.headers,
      Expect: '100-continue',
      'Content-Type': 'application/x-www-form-urlencoded',
      'Content-Length': String(Buffer.byteLength(body)),
    },
  });
  const accepted = new Promise<void>((resolve) => req.once('continue', () => resolve()));
  req.flushHeaders();
  const outcome = outcomeOf(req, options.id);
  return {
    accepted,
    finish: () => {
      if (!req.destroyed) req.end(body);
    },
    outcome,
  };
}

function openRequest(baseUrl: string, options: RequestOptions): http.ClientRequest {
  const url = new URL(options.path, baseUrl);
  return http.request(url, {
    method: options.method ?? 'GET',
    agent: options.agent,
    headers: { 'X-Request-Id': options.id, ...options.headers },
  });
}

function outcomeOf(req: http.ClientRequest, id: string): Promise<Outcome> {
  return new Promise((resolve) => {
    let settled = false;
    const settle = (outcome: Omit<Outcome, 'id' | 'reusedSocket'>) => {
      if (settled) return;
      settled = true;
      resolve({ id, reusedSocket: req.reusedSocket, ...outcome });
    };
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      const settleWithBody = () =>
        settle({
          status: res.statusCode,
          headers: res.headers,
          complete: res.complete,
          body: Buffer.concat(chunks).toString(),
        });
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', settleWithBody);
      res.on('error', settleWithBody);
      res.on('close', settleWithBody);
    });
    req.on('error', (error: NodeJS.ErrnoException) =>
      settle({ complete: false, body: '', error: error.code ?? error.message }),
    );
  });
}

/** Resolves once a new connection to the server is refused (it has stopped accepting). */
export async function untilRefused(baseUrl: string, timeoutMs: number): Promise<number> {
  return pollUntil(async () => {
    const outcome = await requestOutcome(baseUrl, { path: '/livez', agent: false, id: 'probe-refused' });
    return outcome.error === 'ECONNREFUSED';
  }, timeoutMs);
}

/** Polls check every 25 ms until it holds; resolves with the time it took, rejects after timeoutMs. */
export async function pollUntil(check: () => boolean | Promise<boolean>, timeoutMs: number): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (await check()) return Date.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`condition not met within ${timeoutMs} ms`);
}

/** The request ids the server logged a line for (it logs one when a response closes). */
export function loggedRequests(output: string): Map<string, string> {
  const logged = new Map<string, string>();
  for (const line of output.split('\n')) {
    if (!line.startsWith('{')) continue;
    try {
      const entry = JSON.parse(line) as { req?: { id?: string }; msg?: string };
      if (entry.req?.id) logged.set(entry.req.id, entry.msg ?? '');
    } catch {
      // Not a log line.
    }
  }
  return logged;
}

export function openSocket(baseUrl: string): Promise<Socket> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => resolve(socket));
    socket.once('error', reject);
  });
}

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Everything a raw socket receives, and the whole HTTP responses in it so far (Content-Length bodies). */
export function rawReader(socket: Socket): { responses(): RawResponse[]; closed: Promise<void> } {
  let received = Buffer.alloc(0);
  socket.on('data', (chunk: Buffer) => (received = Buffer.concat([received, chunk])));
  socket.on('error', () => undefined);
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  return { responses: () => parseResponses(received), closed };
}

function parseResponses(data: Buffer): RawResponse[] {
  const responses: RawResponse[] = [];
  let offset = 0;
  while (offset < data.length) {
    const headerEnd = data.indexOf('\r\n\r\n', offset);
    if (headerEnd < 0) break;
    const [statusLine = '', ...headerLines] = data.subarray(offset, headerEnd).toString().split('\r\n');
    const headers = Object.fromEntries(
      headerLines.map((line) => {
        const colon = line.indexOf(':');
        return [line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim()];
      }),
    );
    const length = Number(headers['content-length'] ?? 0);
    const bodyStart = headerEnd + 4;
    if (data.length < bodyStart + length) break;
    responses.push({
      status: Number(statusLine.split(' ')[1]),
      headers,
      body: data.subarray(bodyStart, bodyStart + length).toString(),
    });
    offset = bodyStart + length;
  }
  return responses;
}
