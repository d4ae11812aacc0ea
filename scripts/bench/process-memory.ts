// Resident memory (VmRSS) of a server and of the processes it started (the embedded database), read
// from /proc: Linux only, where the bench runs. Elsewhere the figures are reported as unknown.
import { readdir, readFile } from 'node:fs/promises';

interface ProcessMemory {
  pid: number;
  name: string;
  rssMb: number;
}

export interface TreeMemory {
  /** The server process itself. */
  server: ProcessMemory | undefined;
  /** Every process below it (FerretDB, and PostgreSQL's processes when that backend runs), summed. */
  children: ProcessMemory[];
  childrenRssMb: number;
}

async function readProcess(
  pid: number,
): Promise<{ name: string; rssMb: number; children: number[] } | undefined> {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const name = /^Name:\s+(.+)$/m.exec(status)?.[1] ?? '?';
    const rssKb = Number(/^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1] ?? 0);
    // Each thread lists the children it started; the process's children are all of them.
    const tasks = await readdir(`/proc/${pid}/task`).catch(() => [] as string[]);
    const lists = await Promise.all(
      tasks.map((task) => readFile(`/proc/${pid}/task/${task}/children`, 'utf8').catch(() => '')),
    );
    const children = [...new Set(lists.join(' ').split(/\s+/).filter(Boolean).map(Number))];
    return { name, rssMb: rssKb / 1024, children };
  } catch {
    return undefined;
  }
}

/** The server's RSS and that of every process it started, directly or not. */
export async function treeMemory(pid: number): Promise<TreeMemory> {
  const root = await readProcess(pid);
  const children: ProcessMemory[] = [];
  const queue = [...(root?.children ?? [])];
  while (queue.length > 0) {
    const childPid = queue.shift()!;
    const child = await readProcess(childPid);
    if (!child) continue;
    children.push({ pid: childPid, name: child.name, rssMb: child.rssMb });
    queue.push(...child.children);
  }
  return {
    server: root ? { pid, name: root.name, rssMb: root.rssMb } : undefined,
    children,
    childrenRssMb: children.reduce((sum, child) => sum + child.rssMb, 0),
  };
}

const mb = (value: number | undefined) => (value === undefined ? '?' : `${value.toFixed(0)} MB`);

/** "app 212 MB, database 95 MB (ferretdb-launch 95 MB)". */
export function describeMemory(memory: TreeMemory): string {
  const names = new Map<string, number>();
  for (const child of memory.children) names.set(child.name, (names.get(child.name) ?? 0) + child.rssMb);
  const parts = [...names].map(([name, rss]) => `${name} ${mb(rss)}`).join(', ');
  return `app ${mb(memory.server?.rssMb)}, database ${mb(memory.childrenRssMb)}${parts ? ` (${parts})` : ''}`;
}
