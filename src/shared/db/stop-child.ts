import type { ChildProcess } from 'node:child_process';

/**
 * Asks a child process to stop (`ask`: a signal, or closing its stdin) and waits for it to exit,
 * killing it after `graceMs` so a hung process can never keep ours from stopping.
 */
export function stopChildProcess(child: ChildProcess, graceMs: number, ask: () => void): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const killer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(killer);
      resolve();
    });
    ask();
  });
}
