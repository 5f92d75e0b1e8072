// Local ESLint rules for the architecture in INTERNALS.md, checked on the
// resolved path of every relative import (a specifier pattern cannot tell '../../x' inside the core
// from '../../x' leaving it):
// - core-pure: a file under src/core imports only files under src/core, and no browser or UI package;
// - folder-face: code outside a src/core/<folder>/ imports that folder only through its index.ts.
import path from 'node:path';

const CORE = path.join('src', 'core') + path.sep;
const IMPURE_PACKAGES = /^(webextension-polyfill|preact)(\/|$)/;

function coreParts(file) {
  const rel = path.relative(process.cwd(), file);
  if (!rel.startsWith(CORE)) return null;
  const rest = rel.slice(CORE.length).split(path.sep);
  return { folder: rest.length > 1 ? rest[0] : null, rest };
}

function check(context, node, options) {
  const spec = node.source && node.source.value;
  if (typeof spec !== 'string') return;
  const file = context.filename;
  const from = coreParts(file);
  if (options.pure && from) {
    if (IMPURE_PACKAGES.test(spec)) {
      context.report({ node, message: `src/core stays pure: no '${spec}'.` });
      return;
    }
  }
  if (!spec.startsWith('.')) return;
  const target = path.resolve(path.dirname(file), spec);
  const to = coreParts(target) ?? coreParts(target + '.ts');
  if (options.pure && from && !to) {
    context.report({ node, message: `src/core imports only from src/core ('${spec}').` });
    return;
  }
  if (options.faces && to && to.folder && (!from || from.folder !== to.folder)) {
    const inner = to.rest.slice(1).join('/');
    if (inner !== '' && inner !== 'index' && inner !== 'index.ts') {
      context.report({
        node,
        message: `Import src/core/${to.folder} through its face ('.../core/${to.folder}'), not '${spec}'.`,
      });
    }
  }
}

function makeRule(options) {
  return {
    meta: { type: 'problem', schema: [] },
    create(context) {
      const visit = (node) => check(context, node, options);
      return {
        ImportDeclaration: visit,
        ExportNamedDeclaration: visit,
        ExportAllDeclaration: visit,
        ImportExpression: visit,
      };
    },
  };
}

export default {
  rules: {
    'core-pure': makeRule({ pure: true }),
    'folder-face': makeRule({ faces: true }),
  },
};
