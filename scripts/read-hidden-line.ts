import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';

/** Reads one line from the terminal without showing what is typed (for passwords). */
export function readHiddenLine(prompt: string): Promise<string> {
  if (!process.stdin.isTTY)
    return Promise.reject(new Error('No terminal to ask for the password: set ADMIN_PASSWORD'));
  process.stdout.write(prompt);
  const muted = new Writable({ write: (_chunk, _encoding, done) => done() });
  const reader = createInterface({ input: process.stdin, output: muted, terminal: true });
  return new Promise((resolve) =>
    reader.question('', (answer) => {
      reader.close();
      process.stdout.write('\n');
      resolve(answer);
    }),
  );
}
