import { Kind, type SelectionSetNode, type ValidationRule } from 'graphql';
import { createQueryLimitError } from './create-query-limit-error';

/**
 * Rejects an operation with more than `maxAliases` aliased fields as it runs: an alias inside a
 * fragment counts once per spread, so ten spreads of a fragment with ten aliases count 100.
 * Each fragment is counted once and multiplied, so a fragment bomb costs no time; cycles are
 * NoFragmentCyclesRule's.
 */
export function createAliasLimitRule(maxAliases: number): ValidationRule {
  return (context) => {
    const fragmentCounts = new Map<string, number>();
    const spreading = new Set<string>();

    function countAliases(selectionSet: SelectionSetNode): number {
      let count = 0;
      for (const selection of selectionSet.selections) {
        if (selection.kind === Kind.FIELD) {
          if (selection.alias) count += 1;
          if (selection.selectionSet) count += countAliases(selection.selectionSet);
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          count += countAliases(selection.selectionSet);
        } else {
          const name = selection.name.value;
          const fragment = context.getFragment(name);
          if (!fragment || spreading.has(name)) continue;
          let fragmentCount = fragmentCounts.get(name);
          if (fragmentCount === undefined) {
            spreading.add(name);
            fragmentCount = countAliases(fragment.selectionSet);
            spreading.delete(name);
            fragmentCounts.set(name, fragmentCount);
          }
          count += fragmentCount;
        }
      }
      return count;
    }

    return {
      OperationDefinition(node) {
        if (countAliases(node.selectionSet) > maxAliases) {
          context.reportError(createQueryLimitError('aliases', node));
        }
        return false;
      },
    };
  };
}
