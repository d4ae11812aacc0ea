// The component diagram in docs/architecture.md, read from the source so it cannot drift from the code.
//   npx tsx scripts/architecture-diagram.ts           prints the diagram block
//   npx tsx scripts/architecture-diagram.ts --write   rewrites it between the markers in docs/architecture.md
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const DOC_PATH = path.join(ROOT, 'docs', 'architecture.md');
const START_MARKER =
  '<!-- architecture-diagram:start (generated: npx tsx scripts/architecture-diagram.ts --write) -->';
const END_MARKER = '<!-- architecture-diagram:end -->';

const SHARED = 'shared';

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const full = path.join(folder, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.ts$/.test(name) && !name.endsWith('.d.ts') ? [full] : [];
  });
}

/** Every module a file names: static imports, re-exports and dynamic `import()`. */
function importedSpecifiers(file: string): string[] {
  const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  return info.importedFiles.map((entry) => entry.fileName);
}

/** The node an import lands in (a component's name or `shared`), or undefined outside both. */
function nodeOf(target: string, srcDir: string): string | undefined {
  const relative = path.relative(srcDir, target).split(path.sep);
  if (relative[0] === 'components' && relative.length > 1) return relative[1];
  if (relative[0] === SHARED) return SHARED;
  return undefined;
}

interface ComponentGraph {
  /** Every folder under src/components, sorted. */
  components: string[];
  /** "from to" pairs, sorted: a file of `from` imports from `to`. */
  edges: Array<[string, string]>;
}

/** The components (from the folders) and which imports which (from their files' imports). */
export function componentGraph(root = ROOT): ComponentGraph {
  const srcDir = path.join(root, 'src');
  const componentsDir = path.join(srcDir, 'components');
  const components = readdirSync(componentsDir)
    .filter((name) => statSync(path.join(componentsDir, name)).isDirectory())
    .sort();
  const edges = new Set<string>();
  const sources = [
    ...components.map((name) => ({ node: name, folder: path.join(componentsDir, name) })),
    { node: SHARED, folder: path.join(srcDir, SHARED) },
  ];
  for (const { node, folder } of sources) {
    for (const file of sourceFiles(folder)) {
      for (const specifier of importedSpecifiers(file)) {
        if (!specifier.startsWith('.')) continue;
        const target = nodeOf(path.resolve(path.dirname(file), specifier), srcDir);
        if (target && target !== node) edges.add(`${node} ${target}`);
      }
    }
  }
  return {
    components,
    edges: [...edges].sort().map((edge) => edge.split(' ') as [string, string]),
  };
}

/** Mermaid ids may not contain '-': activity-reports becomes activity_reports, labelled with its name. */
const nodeId = (name: string) => name.replace(/[^A-Za-z0-9]/g, '_');

/** The Mermaid flowchart of a graph, one line per node and per edge, in a stable order. */
export function mermaidFlowchart(graph: ComponentGraph): string {
  const lines = ['flowchart LR'];
  for (const name of graph.components) lines.push(`  ${nodeId(name)}["${name}"]`);
  lines.push(`  ${nodeId(SHARED)}[("${SHARED}")]`);
  for (const [from, to] of graph.edges) lines.push(`  ${nodeId(from)} --> ${nodeId(to)}`);
  return lines.join('\n');
}

/** The whole generated block, markers included, as it stands in docs/architecture.md. */
export function diagramBlock(root = ROOT): string {
  return [START_MARKER, '', '```mermaid', mermaidFlowchart(componentGraph(root)), '```', '', END_MARKER].join(
    '\n',
  );
}

/** The block currently between the markers of a document, markers included (undefined without them). */
export function committedBlock(document: string): string | undefined {
  const start = document.indexOf(START_MARKER);
  const end = document.indexOf(END_MARKER);
  if (start < 0 || end < start) return undefined;
  return document.slice(start, end + END_MARKER.length);
}

/** The document with its block replaced by `block`. */
export function withBlock(document: string, block: string): string {
  const current = committedBlock(document);
  if (current === undefined)
    throw new Error(`docs/architecture.md has no "${START_MARKER}" … "${END_MARKER}" markers`);
  return document.replace(current, () => block);
}

function main(): void {
  const block = diagramBlock();
  if (!process.argv.includes('--write')) {
    console.log(block);
    return;
  }
  const document = readFileSync(DOC_PATH, 'utf8');
  const updated = withBlock(document, block);
  if (updated === document) {
    console.log('docs/architecture.md: the diagram is up to date');
    return;
  }
  writeFileSync(DOC_PATH, updated);
  console.log('docs/architecture.md: the diagram was rewritten');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main();
