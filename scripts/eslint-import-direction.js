// @ts-check
// Enforces the import direction described in docs/architecture.md ("arrows point one way"):
//   app → features → services / components → core;  core → core only.
// A feature never imports another feature; services never import features; nothing in src
// imports server. Inside server: proxy uses only core and web-standard APIs (no node:*, so it
// runs on any fetch-handler runtime), demo-as never imports proxy, node (the Node host, like the
// Vite plugin at the server root) may import both; web and static (pure pieces all hosts share:
// security headers, the serving policy of built files) and edge (the workerd host) use no node:*,
// and edge never imports node or demo-as; build (the steps after Vite's) may use the pure pieces.
// Core imports no React, no node:* and no package but zod.
import { builtinModules } from 'node:module';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');

/** Folders of server/ that are layers of their own; node/ and the files at server/ are the host. */
const SERVER_LAYERS = new Set(['proxy', 'demo-as', 'demo-api', 'web', 'static', 'edge', 'build']);

/** @param {string} file @returns {{layer: string, feature?: string} | null} */
function layerOf(file) {
  const rel = path.relative(root, file).split(path.sep);
  if (rel[0] === 'server') {
    const part = rel.length > 2 ? rel[1] : undefined;
    return part !== undefined && SERVER_LAYERS.has(part)
      ? { layer: `server/${part}` }
      : { layer: 'server/host' };
  }
  if (rel[0] !== 'src') return null;
  if (rel[1] === 'features') return { layer: 'features', feature: rel[2] };
  if (['core', 'components', 'services', 'app'].includes(rel[1] ?? ''))
    return { layer: rel[1] ?? '' };
  return null;
}

/** @type {Record<string, string[]>} which layers each layer may import */
const allowed = {
  core: ['core'],
  components: ['components', 'core'],
  services: ['services', 'core'],
  features: ['features', 'services', 'components', 'core'],
  app: ['app', 'features', 'services', 'components', 'core'],
  'server/proxy': ['server/proxy', 'core'],
  'server/demo-as': ['server/demo-as', 'core'],
  'server/demo-api': ['server/demo-api', 'core'],
  // Pure pieces every host shares (security headers; how built files are served): no node:*, so
  // the edge worker can use them.
  'server/web': ['server/web', 'core'],
  'server/static': ['server/static', 'core'],
  // The edge worker: the proxy and the shared pieces, never the Node host or the demo server.
  'server/edge': ['server/edge', 'server/proxy', 'server/web', 'server/static', 'core'],
  // The build steps after Vite's (prerendering, precompression): Node, and the shared pieces.
  'server/build': ['server/build', 'server/web', 'server/static', 'core'],
  // server/node and the files at server/ itself: the Node hosts of proxy and demo-as.
  'server/host': [
    'server/host',
    'server/proxy',
    'server/demo-as',
    'server/demo-api',
    'server/web',
    'server/static',
    'core',
  ],
};

/**
 * Layers whose packages are limited (their tests are not): a set lists the only packages allowed,
 * `null` allows any package but Node's built-ins.
 * @type {Record<string, Set<string> | null>}
 */
const packageLimits = {
  core: new Set(['zod', 'zod/mini']),
  'server/proxy': null,
  'server/demo-api': null,
  'server/web': null,
  'server/static': null,
  'server/edge': null,
};

const nodeBuiltins = new Set(builtinModules);
/** @param {string} source */
function isNodeBuiltin(source) {
  return source.startsWith('node:') || nodeBuiltins.has(source.split('/')[0] ?? '');
}

/** Test code: `*.test.ts(x)` files and the test-support modules they share (src/core/test-support). */
const testSupportDir = path.join(root, 'src', 'core', 'test-support') + path.sep;
/** @param {string} file */
function isTestFile(file) {
  return /\.test\.tsx?$/.test(file) || path.resolve(file).startsWith(testSupportDir);
}

/** @param {{layer: string, feature?: string}} place */
function layerName(place) {
  if (place.layer === 'features') return `features/${place.feature}`;
  return place.layer === 'core' ? 'src/core' : place.layer;
}

/** @type {import('eslint').Rule.RuleModule} */
export const importDirection = {
  meta: {
    type: 'problem',
    schema: [],
    messages: {
      wrong: '{{from}} must not import {{what}} (import direction: docs/architecture.md).',
    },
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
        const limit = isTest ? undefined : packageLimits[from.layer];
        const refused =
          limit === null ? isNodeBuiltin(source) : limit !== undefined && !limit.has(source);
        if (refused) {
          context.report({
            node,
            messageId: 'wrong',
            data: { from: layerName(from), what: `package "${source}"` },
          });
        }
        return;
      }
      const to = layerOf(path.resolve(path.dirname(context.filename), source));
      if (!to) return;
      // A server test may wire a module to its real host (e.g. the handler with the Node guard).
      const serverTest =
        isTest && from.layer.startsWith('server/') && to.layer.startsWith('server/');
      const ok =
        serverTest ||
        (allowed[from.layer]?.includes(to.layer) &&
          !(from.layer === 'features' && to.layer === 'features' && from.feature !== to.feature));
      if (!ok) {
        context.report({
          node,
          messageId: 'wrong',
          data: { from: layerName(from), what: layerName(to) },
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
