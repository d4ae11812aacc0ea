import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  committedBlock,
  componentGraph,
  diagramBlock,
  DOC_PATH,
  mermaidFlowchart,
  withBlock,
} from '../../../scripts/architecture-diagram.js';

const FIX = 'run `npx tsx scripts/architecture-diagram.ts --write` and commit docs/architecture.md';

/** A throwaway source tree: each entry is a file path under src/ and its text. */
function sourceTree(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'architecture-'));
  for (const [file, text] of Object.entries(files)) {
    const full = path.join(root, 'src', file);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, text);
  }
  return root;
}

describe('architecture diagram (docs/architecture.md)', () => {
  it('when the committed diagram is compared with the one the source imports give, then they are the same', () => {
    const committed = committedBlock(readFileSync(DOC_PATH, 'utf8'));
    assert.ok(committed, `docs/architecture.md has lost its diagram markers: ${FIX}`);
    assert.equal(committed, diagramBlock(), `the component diagram is out of date: ${FIX}`);
  });

  it('when a component folder is added, then it is a node of the diagram without being listed anywhere', () => {
    const root = sourceTree({
      'components/alpha/index.ts': "import { b } from '../beta/index.js';\nexport const a = b;\n",
      'components/beta/index.ts':
        "export { log } from '../../shared/logging/index.js';\nexport const b = 1;\n",
      'components/gamma-two/index.ts': 'export const g = 1;\n',
      'shared/logging/index.ts': 'export const log = 1;\n',
    });
    try {
      const graph = componentGraph(root);
      assert.deepEqual(graph.components, ['alpha', 'beta', 'gamma-two']);
      assert.deepEqual(graph.edges, [
        ['alpha', 'beta'],
        ['beta', 'shared'],
      ]);
      assert.match(mermaidFlowchart(graph), /gamma_two\["gamma-two"\]/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('when a component reaches another by a dynamic import or a detour, then the edge is still drawn', () => {
    const root = sourceTree({
      'components/alpha/service.ts':
        "export async function f() {\n  return import('../beta/index.js');\n}\nexport { c } from './../gamma/index.js';\n",
      'components/alpha/own.ts': "export { f } from './service.js';\n",
      'components/beta/index.ts': 'export const b = 1;\n',
      'components/gamma/index.ts':
        "import type { X } from '../../components/beta/index.js';\nexport const c: X | 1 = 1;\n",
      'shared/index.ts': 'export {};\n',
    });
    try {
      assert.deepEqual(componentGraph(root).edges, [
        ['alpha', 'beta'],
        ['alpha', 'gamma'],
        ['gamma', 'beta'],
      ]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('when the block is rewritten, then only the text between the markers changes', () => {
    const current = readFileSync(DOC_PATH, 'utf8');
    const stale = withBlock(current, committedBlock(current)!.replace('flowchart LR', 'flowchart TD'));
    assert.notEqual(stale, current);
    assert.equal(withBlock(stale, diagramBlock()), withBlock(current, diagramBlock()));
    assert.ok(withBlock(stale, diagramBlock()).startsWith('# Architecture'));
  });
});
