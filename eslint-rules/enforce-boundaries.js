// @ts-check
// The repository's boundaries, checked on every import (see STYLE.md, "Boundaries"):
// - a subgraph never imports another subgraph (they meet only through entity keys in the SDL);
// - the gateway imports no subgraph (the shared runtime in subgraphs/kit is not a subgraph);
// - domain folders import neither graphql nor mongodb (nor Apollo);
// - store code (the kit's store, access log and content ports) imports no graphql.
// Relative imports are resolved against the importing file, so a folder that shares a name with
// a subgraph (sag/klassifikation/) is told apart from the subgraph itself.
const path = require('node:path');

/* global __dirname */

const ROOT = path.join(__dirname, '..');
const SHARED = 'kit';

/** Domain folders by subgraph: plain TypeScript rules, no GraphQL, no database. */
const DOMAIN_FOLDERS = [
  'subgraphs/organisation/organisation',
  'subgraphs/klassifikation/kle',
  'subgraphs/sag/sag',
  'subgraphs/dokument/dokument',
  'subgraphs/bbr/bbr',
];
const STORE_FOLDERS = ['subgraphs/kit/store', 'subgraphs/kit/audit', 'subgraphs/kit/content'];
const DOMAIN_FORBIDDEN = /^(graphql|mongodb|@apollo\/|graphql-shield|graphql-middleware)(\/|$)/;
const STORE_FORBIDDEN = /^(graphql|@apollo\/|graphql-shield|graphql-middleware)(\/|$)/;

/** @param {string} file a path relative to the repository root, with forward slashes */
function getSubgraph(file) {
  const match = /^subgraphs\/([^/]+)\//.exec(file);
  return match ? match[1] : null;
}

/** @param {string} file @param {string[]} folders */
function isIn(file, folders) {
  return folders.some((folder) => file.startsWith(`${folder}/`));
}

/** @type {import('eslint').Rule.RuleModule} */
module.exports = {
  meta: {
    type: 'problem',
    docs: { description: 'Keeps subgraphs, the gateway, domain code and store code apart' },
    schema: [],
  },
  create(context) {
    const file = path.relative(ROOT, context.filename).split(path.sep).join('/');
    if (file.startsWith('..')) return {};
    const fromSubgraph = getSubgraph(file);
    const isTest = /\.test\.ts$/.test(file);

    /** @param {import('estree').Node} node @param {string} source */
    function check(node, source) {
      if (source.startsWith('.')) {
        const target = path
          .relative(ROOT, path.resolve(path.dirname(context.filename), source))
          .split(path.sep)
          .join('/');
        const toSubgraph = getSubgraph(`${target}/`);
        if (toSubgraph === null || toSubgraph === SHARED) return;
        if (fromSubgraph !== null && fromSubgraph !== SHARED && toSubgraph !== fromSubgraph) {
          context.report({
            node,
            message: `The ${fromSubgraph} subgraph must not import the ${toSubgraph} subgraph: subgraphs meet only through the SDL.`,
          });
        } else if (file.startsWith('gateway/')) {
          context.report({
            node,
            message: `The gateway must not import the ${toSubgraph} subgraph: it meets subgraphs only over HTTP.`,
          });
        } else if (fromSubgraph === SHARED) {
          context.report({
            node,
            message: `The shared runtime must not import the ${toSubgraph} subgraph.`,
          });
        }
        return;
      }
      if (isTest) return;
      if (isIn(file, DOMAIN_FOLDERS) && DOMAIN_FORBIDDEN.test(source)) {
        context.report({
          node,
          message: `Domain code must not import ${source}: keep GraphQL in resolvers and the database in store code.`,
        });
      } else if (isIn(file, STORE_FOLDERS) && STORE_FORBIDDEN.test(source)) {
        context.report({ node, message: `Store code must not import ${source}.` });
      }
    }

    return {
      ImportDeclaration(node) {
        check(node, String(node.source.value));
      },
      ExportNamedDeclaration(node) {
        if (node.source) check(node, String(node.source.value));
      },
      ExportAllDeclaration(node) {
        check(node, String(node.source.value));
      },
      ImportExpression(node) {
        if (node.source.type === 'Literal') check(node, String(node.source.value));
      },
    };
  },
};
