import {
  getNamedType,
  getNullableType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  type FieldNode,
  type GraphQLField,
  type GraphQLNamedType,
  type SelectionSetNode,
  type ValidationRule,
} from 'graphql';
import { createQueryLimitError } from './create-query-limit-error';

export interface CostLimitOptions {
  /** The highest cost an operation may have. */
  maxCost: number;
  /** The page size of a list field given no `first` (the subgraphs' default). @default 20 */
  defaultListSize?: number;
  /** The page size assumed for `first: $variable` (the subgraphs' maximum). @default 100 */
  maxListSize?: number;
}

/** Thrown to stop the walk as soon as the limit is passed, so a fragment bomb costs no more. */
class CostExceeded extends Error {}

/**
 * Rejects an operation whose estimated cost passes `maxCost`. Every field costs 1 times the
 * product of its ancestors' list sizes:
 * - a field with a `first` argument (a paginated connection) multiplies its children by `first`:
 *   the literal value, `maxListSize` for a variable (validation cannot see variables), or
 *   `defaultListSize` when left out;
 * - a list field directly inside such a connection (`nodes`, `edges`) multiplies by 1, since
 *   `first` already bounds it; any other list field multiplies by `defaultListSize`.
 * Fragments are followed at every spread; cycles are left to NoFragmentCyclesRule.
 */
export function createCostLimitRule(options: CostLimitOptions): ValidationRule {
  const defaultListSize = options.defaultListSize ?? 20;
  const maxListSize = options.maxListSize ?? 100;

  function getPageSize(node: FieldNode): number {
    const first = node.arguments?.find((argument) => argument.name.value === 'first')?.value;
    if (!first || first.kind === Kind.NULL) return defaultListSize;
    if (first.kind === Kind.VARIABLE) return maxListSize;
    if (first.kind === Kind.INT) return Math.max(1, Number(first.value));
    return maxListSize;
  }

  function getChildMultiplier(
    node: FieldNode,
    field: GraphQLField<unknown, unknown> | undefined,
    insideConnection: boolean,
  ): number {
    if (!field) return 1;
    if (field.args.some((argument) => argument.name === 'first')) return getPageSize(node);
    if (isListType(getNullableType(field.type))) return insideConnection ? 1 : defaultListSize;
    return 1;
  }

  return (context) => {
    const schema = context.getSchema();
    let cost = 0;
    const spreading = new Set<string>();

    function walk(
      selectionSet: SelectionSetNode,
      parentType: GraphQLNamedType | undefined,
      multiplier: number,
      insideConnection: boolean,
    ): void {
      for (const selection of selectionSet.selections) {
        if (selection.kind === Kind.FIELD) {
          cost += multiplier;
          if (cost > options.maxCost) throw new CostExceeded();
          if (!selection.selectionSet) continue;
          const field =
            isObjectType(parentType) || isInterfaceType(parentType)
              ? parentType.getFields()[selection.name.value]
              : undefined;
          walk(
            selection.selectionSet,
            field ? getNamedType(field.type) : undefined,
            multiplier * getChildMultiplier(selection, field, insideConnection),
            field?.args.some((argument) => argument.name === 'first') ?? false,
          );
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          const type = selection.typeCondition
            ? schema.getType(selection.typeCondition.name.value)
            : parentType;
          walk(selection.selectionSet, type, multiplier, insideConnection);
        } else {
          const name = selection.name.value;
          const fragment = context.getFragment(name);
          if (!fragment || spreading.has(name)) continue;
          spreading.add(name);
          const type = schema.getType(fragment.typeCondition.name.value);
          walk(fragment.selectionSet, type, multiplier, insideConnection);
          spreading.delete(name);
        }
      }
    }

    return {
      OperationDefinition(node) {
        cost = 0;
        spreading.clear();
        try {
          walk(node.selectionSet, schema.getRootType(node.operation) ?? undefined, 1, false);
        } catch (error) {
          if (!(error instanceof CostExceeded)) throw error;
          context.reportError(createQueryLimitError('cost', node));
        }
        return false;
      },
    };
  };
}
