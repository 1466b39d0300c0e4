import type { Condition, Data, Filter, FilterValue } from './bitemporal-store';
import { matchesFilter } from './filter';

type Test = (data: Data) => boolean;

function isFilterValue(value: unknown): value is FilterValue {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

/**
 * A predicate for one condition on a path of one segment whose value is a scalar: the common
 * case, tested without building lists. Null when the condition needs the general path.
 */
function compileScalarTest(segment: string, condition: Condition): Test | null {
  if ('eq' in condition && condition.eq !== null) {
    const expected = condition.eq;
    return (data) => data[segment] === expected;
  }
  if ('in' in condition) {
    const accepted = new Set<unknown>(condition.in);
    return (data) => {
      const value = data[segment];
      return isFilterValue(value) && accepted.has(value);
    };
  }
  if ('prefix' in condition) {
    const { prefix } = condition;
    return (data) => {
      const value = data[segment];
      return typeof value === 'string' && value.startsWith(prefix);
    };
  }
  return null;
}

/**
 * The predicate `matchesFilter(data, filter)` computes, prepared once per search: paths split in
 * advance, `in` lists as sets, and plain fields tested without allocating. Values that are
 * arrays or objects (and the rarer conditions) take the general path, so the meaning is exactly
 * matchesFilter's.
 */
export function compileFilter(filter: Filter): Test {
  const tests = Object.entries(filter).map(([path, condition]): Test => {
    const general: Test = (data) => matchesFilter(data, { [path]: condition });
    if (path.includes('.')) return general;
    const scalar = compileScalarTest(path, condition);
    if (scalar === null) return general;
    return (data) => {
      const value = data[path];
      // An array or object along the path: its elements count, as matchesFilter reads them.
      return value !== null && typeof value === 'object' ? general(data) : scalar(data);
    };
  });
  if (tests.length === 0) return () => true;
  if (tests.length === 1) return tests[0] as Test;
  return (data) => tests.every((test) => test(data));
}

/** `anyOf` compiled likewise: true when some filter holds. */
export function compileAnyOf(anyOf: readonly Filter[] | undefined): Test {
  if (anyOf === undefined) return () => true;
  const tests = anyOf.map(compileFilter);
  return (data) => tests.some((test) => test(data));
}
