import {
  Kind,
  parse,
  valueFromASTUntyped,
  type ConstDirectiveNode,
  type DocumentNode,
  type FieldDefinitionNode,
} from 'graphql';

/**
 * What a subgraph declares about one field's size and weight, with the federation cost spec
 * (https://specs.apollo.dev/cost/v0.1): `@listSize(assumedSize:, slicingArguments:, sizedFields:,
 * requireOneSlicingArgument:)` and `@cost(weight:)`.
 */
export interface FieldCost {
  /** The size of the list when no slicing argument is given. */
  assumedSize?: number;
  /** Arguments whose value is the size (`first`); the largest given one counts. */
  slicingArguments?: string[];
  /** Child fields the size applies to instead of the field itself (a connection's `nodes`). */
  sizedFields?: string[];
  /** The cost of the field itself. @default 1 */
  weight?: number;
}

/** Field costs by `Type.field`. */
export type CostDirectives = ReadonlyMap<string, FieldCost>;

const LIST_SIZE = ['listSize', 'cost__listSize'];
const COST = ['cost', 'cost__cost'];

function readArguments(directive: ConstDirectiveNode): Record<string, unknown> {
  return Object.fromEntries(
    (directive.arguments ?? []).map((argument) => [
      argument.name.value,
      valueFromASTUntyped(argument.value),
    ]),
  );
}

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

function readFieldCost(field: FieldDefinitionNode): FieldCost | undefined {
  let cost: FieldCost | undefined;
  for (const directive of field.directives ?? []) {
    const name = directive.name.value;
    if (LIST_SIZE.includes(name)) {
      const args = readArguments(directive);
      cost = {
        ...cost,
        ...(typeof args.assumedSize === 'number' ? { assumedSize: args.assumedSize } : {}),
        ...(isStringList(args.slicingArguments) ? { slicingArguments: args.slicingArguments } : {}),
        ...(isStringList(args.sizedFields) ? { sizedFields: args.sizedFields } : {}),
      };
    } else if (COST.includes(name)) {
      const { weight } = readArguments(directive);
      if (typeof weight === 'number') cost = { ...cost, weight };
    }
  }
  return cost;
}

/**
 * Reads every `@listSize` and `@cost` on a field of an object or interface type, from a subgraph
 * SDL or the composed supergraph (which keeps both directives, under their imported names or
 * prefixed `cost__`).
 */
export function readCostDirectives(sdl: string | DocumentNode): CostDirectives {
  const document = typeof sdl === 'string' ? parse(sdl) : sdl;
  const costs = new Map<string, FieldCost>();
  for (const definition of document.definitions) {
    if (
      definition.kind !== Kind.OBJECT_TYPE_DEFINITION &&
      definition.kind !== Kind.OBJECT_TYPE_EXTENSION &&
      definition.kind !== Kind.INTERFACE_TYPE_DEFINITION &&
      definition.kind !== Kind.INTERFACE_TYPE_EXTENSION
    ) {
      continue;
    }
    for (const field of definition.fields ?? []) {
      const cost = readFieldCost(field);
      if (cost) costs.set(`${definition.name.value}.${field.name.value}`, cost);
    }
  }
  return costs;
}
