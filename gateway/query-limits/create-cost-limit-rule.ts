import {
  getNamedType,
  getNullableType,
  isCompositeType,
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
import type { CostDirectives, FieldCost } from './read-cost-directives';

export interface CostLimitOptions {
  /** The highest cost an operation may have. */
  maxCost: number;
  /**
   * The declared sizes and weights (`@listSize`, `@cost`) of the schema in use, read from the
   * supergraph; called per validation, so a reloaded supergraph's figures apply at once.
   * @default no declarations
   */
  getCostDirectives?: () => CostDirectives;
  /** The size of a list that declares none (the subgraphs' default page size). @default 20 */
  defaultListSize?: number;
  /** The size assumed for a slicing argument given as a variable (the subgraphs' maximum). @default 100 */
  maxListSize?: number;
}

/** A list size that a connection passes to its `sizedFields`. */
interface SizedFields {
  names: readonly string[];
  size: number;
}

const NO_DIRECTIVES: CostDirectives = new Map();

/**
 * A field with a `first` argument but no `@listSize` is read as a connection of the default
 * page size, so an undeclared page is never cheaper than a declared one.
 */
const UNDECLARED_CONNECTION: FieldCost = {
  slicingArguments: ['first'],
  sizedFields: ['nodes', 'edges'],
};

const formatNumber = (value: number): string =>
  value > 1e12 ? 'more than 1,000,000,000,000' : Math.round(value).toLocaleString('en-US');

/**
 * Rejects an operation whose estimated cost passes `maxCost`, after the federation cost spec
 * (https://specs.apollo.dev/cost/v0.1, as Apollo's demand control reads it):
 * - a field whose type is an object, interface or union costs 1, a scalar or enum field 0, unless
 *   the field declares `@cost(weight:)`;
 * - a list multiplies the cost of what it holds by its size: the value of a slicing argument
 *   (`first: 50`; `maxListSize` for a variable, which validation cannot see), else the field's
 *   `assumedSize`, else `defaultListSize`; with `sizedFields` the size applies to those children
 *   (a connection's `nodes` and `edges`) and not to the rest (`totalCount`, `pageInfo`);
 * - fragments count at every spread. Each fragment is costed once per context and multiplied, so
 *   a fragment bomb is measured in time linear in the document; cycles are NoFragmentCyclesRule's.
 * The error names the cost and the limit, so a client knows how far to cut its query.
 */
export function createCostLimitRule(options: CostLimitOptions): ValidationRule {
  const defaultListSize = options.defaultListSize ?? 20;
  const maxListSize = options.maxListSize ?? 100;
  const getCostDirectives = options.getCostDirectives ?? (() => NO_DIRECTIVES);

  function getSliceSize(node: FieldNode, cost: FieldCost): number {
    let size: number | undefined;
    for (const name of cost.slicingArguments ?? []) {
      const value = node.arguments?.find((argument) => argument.name.value === name)?.value;
      if (!value || value.kind === Kind.NULL) continue;
      const given = value.kind === Kind.INT ? Math.max(0, Number(value.value)) : maxListSize;
      size = Math.max(size ?? 0, given);
    }
    return size ?? cost.assumedSize ?? defaultListSize;
  }

  return (context) => {
    const schema = context.getSchema();
    const directives = getCostDirectives();
    const fragmentCosts = new Map<string, number>();
    const spreading = new Set<string>();

    function getFieldCost(
      parentType: GraphQLNamedType,
      field: GraphQLField<unknown, unknown>,
    ): FieldCost | undefined {
      const declared = directives.get(`${parentType.name}.${field.name}`);
      if (declared) return declared;
      if (field.args.some((argument) => argument.name === 'first')) return UNDECLARED_CONNECTION;
      return undefined;
    }

    /** The cost of one selection set, for one parent object. */
    function getSelectionCost(
      selectionSet: SelectionSetNode,
      parentType: GraphQLNamedType | undefined,
      sized: SizedFields | undefined,
    ): number {
      let total = 0;
      for (const selection of selectionSet.selections) {
        if (selection.kind === Kind.FIELD) {
          total += getFieldSelectionCost(selection, parentType, sized);
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          const type = selection.typeCondition
            ? schema.getType(selection.typeCondition.name.value)
            : parentType;
          total += getSelectionCost(selection.selectionSet, type ?? undefined, sized);
        } else {
          const name = selection.name.value;
          const fragment = context.getFragment(name);
          if (!fragment || spreading.has(name)) continue;
          const key = sized ? `${name}|${sized.names.join(',')}|${sized.size}` : name;
          let cost = fragmentCosts.get(key);
          if (cost === undefined) {
            spreading.add(name);
            const type = schema.getType(fragment.typeCondition.name.value) ?? undefined;
            cost = getSelectionCost(fragment.selectionSet, type, sized);
            spreading.delete(name);
            fragmentCosts.set(key, cost);
          }
          total += cost;
        }
      }
      return total;
    }

    function getFieldSelectionCost(
      node: FieldNode,
      parentType: GraphQLNamedType | undefined,
      sized: SizedFields | undefined,
    ): number {
      const field =
        isObjectType(parentType) || isInterfaceType(parentType)
          ? parentType.getFields()[node.name.value]
          : undefined;
      if (!field || !parentType) return 0;
      const declared = getFieldCost(parentType, field);
      const type = getNamedType(field.type);
      const weight = declared?.weight ?? (isCompositeType(type) ? 1 : 0);
      const isList = isListType(getNullableType(field.type));
      // How many times this field's value is there for one parent: a list's size.
      let count = 1;
      let childSized: SizedFields | undefined;
      if (sized?.names.includes(node.name.value)) {
        count = sized.size;
      } else if (declared?.sizedFields) {
        childSized = { names: declared.sizedFields, size: getSliceSize(node, declared) };
      } else if (isList) {
        count = declared ? getSliceSize(node, declared) : defaultListSize;
      }
      const children = node.selectionSet
        ? getSelectionCost(node.selectionSet, type, childSized)
        : 0;
      return count * (weight + children);
    }

    return {
      OperationDefinition(node) {
        const root = schema.getRootType(node.operation) ?? undefined;
        const cost = getSelectionCost(node.selectionSet, root, undefined);
        if (cost > options.maxCost) {
          context.reportError(
            createQueryLimitError(
              'cost',
              node,
              `cost ${formatNumber(cost)} of at most ${formatNumber(options.maxCost)}`,
            ),
          );
        }
        return false;
      },
    };
  };
}
