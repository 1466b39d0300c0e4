import { Kind, type SelectionSetNode, type ValidationRule } from 'graphql';
import { createQueryLimitError } from './create-query-limit-error';

/**
 * Rejects an operation whose fields nest deeper than `maxDepth`. Fragments are followed (each
 * fragment's depth is computed once); `__typename` costs no depth. Fragment cycles are left to
 * graphql-js's NoFragmentCyclesRule: a spread already being measured counts as depth 0.
 */
export function createDepthLimitRule(maxDepth: number): ValidationRule {
  return (context) => {
    const fragmentDepths = new Map<string, number>();
    const measuring = new Set<string>();

    function getFragmentDepth(name: string): number {
      const known = fragmentDepths.get(name);
      if (known !== undefined) return known;
      const fragment = context.getFragment(name);
      if (!fragment || measuring.has(name)) return 0;
      measuring.add(name);
      const depth = getDepth(fragment.selectionSet);
      measuring.delete(name);
      fragmentDepths.set(name, depth);
      return depth;
    }

    function getDepth(selectionSet: SelectionSetNode): number {
      let deepest = 0;
      for (const selection of selectionSet.selections) {
        let depth: number;
        if (selection.kind === Kind.FIELD) {
          if (selection.name.value === '__typename') continue;
          depth = 1 + (selection.selectionSet ? getDepth(selection.selectionSet) : 0);
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          depth = getDepth(selection.selectionSet);
        } else {
          depth = getFragmentDepth(selection.name.value);
        }
        deepest = Math.max(deepest, depth);
      }
      return deepest;
    }

    return {
      OperationDefinition(node) {
        if (getDepth(node.selectionSet) > maxDepth) {
          context.reportError(createQueryLimitError('depth', node));
        }
        return false;
      },
    };
  };
}
