import { createServer, connect, type Server, type Socket } from 'node:net';

export interface StallableProxy {
  /** A connection string like the target's, through the proxy, with its own database name. */
  uriFor(targetUri: string, database: string): string;
  /** From now on, bytes towards the target are held (the database seems to stop answering). */
  stall(): void;
  /** Sends everything held and forwards again. */
  resume(): void;
  /** Everything held since the stall began (to see which commands are waiting). */
  held(): Buffer;
  close(): Promise<void>;
}

/**
 * A TCP proxy in front of a real database that can stop forwarding on command: a database that hangs
 * mid-query, as an overloaded one does, without touching the database itself.
 */
export async function startStallableProxy(targetHost: string, targetPort: number): Promise<StallableProxy> {
  let stalled = false;
  let heldChunks: Array<{ upstream: Socket; chunk: Buffer }> = [];
  const sockets = new Set<Socket>();

  const server: Server = createServer((client) => {
    const upstream = connect(targetPort, targetHost);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('error', () => undefined);
      socket.on('close', () => {
        sockets.delete(socket);
        client.destroy();
        upstream.destroy();
      });
    }
    client.on('data', (chunk: Buffer) => {
      if (stalled) heldChunks.push({ upstream, chunk });
      else upstream.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => client.write(chunk));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;

  return {
    uriFor(targetUri, database) {
      const url = new URL(targetUri);
      url.host = `127.0.0.1:${port}`;
      url.pathname = `/${database}`;
      return url.toString();
    },
    stall() {
      stalled = true;
    },
    resume() {
      stalled = false;
      for (const { upstream, chunk } of heldChunks) upstream.write(chunk);
      heldChunks = [];
    },
    held() {
      return Buffer.concat(heldChunks.map(({ chunk }) => chunk));
    },
    close() {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
