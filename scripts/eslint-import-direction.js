// @ts-check
// Enforces the import direction of docs/GUIDE §2 ("arrows point one way"):
//   app → features → components / core;  server → core;  core → core only.
// A feature never imports another feature; nothing in src imports server;
// core imports no React, no node:* and no package but zod.
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');

/** @param {string} file @returns {{layer: string, feature?: string} | null} */
function layerOf(file) {
  const rel = path.relative(root, file).split(path.sep);
  if (rel[0] === 'server') return { layer: 'server' };
  if (rel[0] !== 'src') return null;
  if (rel[1] === 'features') return { layer: 'features', feature: rel[2] };
  if (rel[1] === 'core' || rel[1] === 'components' || rel[1] === 'app') return { layer: rel[1] };
  return null;
}

/** @type {Record<string, string[]>} which layers each layer may import */
const allowed = {
  core: ['core'],
  components: ['components', 'core'],
  features: ['features', 'components', 'core'],
  app: ['app', 'features', 'components', 'core'],
  server: ['server', 'core'],
};

const corePackages = new Set(['zod', 'zod/mini']);

/** Test code: `*.test.ts(x)` files and the test-support modules they share (src/core/test-support). */
const testSupportDir = path.join(root, 'src', 'core', 'test-support') + path.sep;
/** @param {string} file */
function isTestFile(file) {
  return /\.test\.tsx?$/.test(file) || path.resolve(file).startsWith(testSupportDir);
}

/** @type {import('eslint').Rule.RuleModule} */
export const importDirection = {
  meta: {
    type: 'problem',
    schema: [],
    messages: { wrong: '{{from}} must not import {{what}} (GUIDE §2 import direction).' },
  },
  create(context) {
    const from = layerOf(context.filename);
    if (!from) return {};
    /** @param {import('estree').Node & {source?: import('estree').Node | null}} node */
    const check = (node) => {
      const source = node.source?.type === 'Literal' ? node.source.value : undefined;
      if (typeof source !== 'string') return;
      const isTest = isTestFile(context.filename);
      if (!source.startsWith('.')) {
        if (from.layer === 'core' && !isTest && !corePackages.has(source)) {
          context.report({
            node,
            messageId: 'wrong',
            data: { from: 'src/core', what: `package "${source}"` },
          });
        }
        return;
      }
      const to = layerOf(path.resolve(path.dirname(context.filename), source));
      if (!to) return;
      const ok =
        allowed[from.layer]?.includes(to.layer) &&
        !(from.layer === 'features' && to.layer === 'features' && from.feature !== to.feature);
      if (!ok) {
        const what = to.layer === 'features' ? `features/${to.feature}` : to.layer;
        context.report({
          node,
          messageId: 'wrong',
          data: { from: from.feature ? `features/${from.feature}` : from.layer, what },
        });
      }
    };
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
    };
  },
};
