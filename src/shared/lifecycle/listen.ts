import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The server could not listen; the message names the address and the variable to change. */
class ListenError extends Error {
  readonly code = 'LISTEN_FAILED';
  constructor(
    message: string,
    readonly systemCode: string | undefined,
  ) {
    super(message);
    this.name = 'ListenError';
  }
}

/** Listens on host:port; resolves with the bound address, or rejects with a ListenError. */
export function listen(server: Server, host: string, port: number): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      reject(new ListenError(describeListenError(error, host, port), error.code));
    };
    const onListening = () => {
      server.off('error', onError);
      resolve(server.address() as AddressInfo);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}

function describeListenError(error: NodeJS.ErrnoException, host: string, port: number): string {
  const address = `${host}:${port}`;
  switch (error.code) {
    case 'EADDRINUSE':
      return `${address} is already in use (EADDRINUSE). Stop the process that listens on port ${port}, or set PORT to a free port.`;
    case 'EACCES':
      return `no permission to listen on ${address} (EACCES). Set PORT to 1024 or higher, or run with the right to bind it.`;
    case 'EADDRNOTAVAIL':
      return `${address} is not an address of this machine (EADDRNOTAVAIL). Check HOST and PORT.`;
    default:
      return `could not listen on ${address} (${error.code ?? error.message}). Check HOST and PORT.`;
  }
}
