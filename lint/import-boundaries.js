// The import boundaries of src/, as an eslint rule that resolves each relative import to the file it names,
// so every spelling of the same file is judged alike (`../consent/x.js`, `./../consent/x.js`,
// `../../components/consent/x.js`), and every way of naming a module is checked: `import`, `import type`,
// `export … from`, `import('…')` with a fixed path and `import('…')` in types.
//
// Modules with a front door, reached from outside only through their index.ts:
// - each component, src/components/<component>/
// - each shared folder, src/shared/<folder>/
// - the configuration, src/config/
// src/types holds ambient declarations the compiler picks up by itself: nothing imports them.
// src/shared is infrastructure and never imports a component.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The module a project file belongs to, e.g. `src/components/offers`, or undefined outside any module. */
function moduleOf(relative) {
  const parts = relative.split('/');
  if (parts[0] !== 'src') return undefined;
  if ((parts[1] === 'components' || parts[1] === 'shared') && parts.length > 3)
    return parts.slice(0, 3).join('/');
  if ((parts[1] === 'config' || parts[1] === 'types') && parts.length > 2) return parts.slice(0, 2).join('/');
  return undefined;
}

/** The path of the imported file relative to the project, or undefined for a package. */
function targetOf(filename, source) {
  if (!source.startsWith('.')) return undefined;
  const resolved = path.resolve(path.dirname(filename), source);
  return path.relative(ROOT, resolved).split(path.sep).join('/');
}

/** The problem with importing `target` from `importer`, or undefined when the import is allowed. */
function problemOf(importer, target) {
  const from = moduleOf(importer);
  const to = moduleOf(target) ?? (target === 'src/types' ? 'src/types' : undefined);
  if (from?.startsWith('src/shared/') && target.startsWith('src/components')) return 'sharedImportsComponent';
  if (to === undefined || to === from) return undefined;
  if (to === 'src/types') return 'ambientTypes';
  if (target !== `${to}/index.js`) return 'throughIndex';
  return undefined;
}

/** The fixed text of an import's source, or undefined when it is computed. */
function sourceText(node) {
  if (!node) return undefined;
  if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
  if (node.type === 'TemplateLiteral' && node.expressions.length === 0)
    return node.quasis[0]?.value.cooked ?? undefined;
  if (node.type === 'TSLiteralType') return sourceText(node.literal);
  return undefined;
}

/** @type {import('eslint').Rule.RuleModule} */
const importBoundaries = {
  meta: {
    type: 'problem',
    docs: { description: 'Modules in src/ are reached from outside only through their index.ts' },
    schema: [],
    messages: {
      throughIndex: 'Import {{module}} only through its index.js ({{target}} is inside it).',
      sharedImportsComponent: 'src/shared must not import a component ({{target}}).',
      ambientTypes: 'src/types holds ambient declarations; the compiler reads them without an import.',
    },
  },
  create(context) {
    const importer = path.relative(ROOT, context.filename).split(path.sep).join('/');
    function check(node) {
      const source = sourceText(node);
      if (source === undefined) return;
      const target = targetOf(context.filename, source);
      if (target === undefined) return;
      const messageId = problemOf(importer, target);
      if (messageId)
        context.report({ node, messageId, data: { module: moduleOf(target) ?? target, target } });
    }
    return {
      ImportDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
      // `type X = import('../offers/offer-model.js').Offer`
      TSImportType: (node) => check(node.argument ?? node.source),
    };
  },
};

export default { rules: { 'import-boundaries': importBoundaries } };
