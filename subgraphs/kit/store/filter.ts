import type { Condition, Data, Filter, FilterValue } from './bitemporal-store';

const PATH = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;
const OPERATORS = new Set(['eq', 'in', 'prefix', 'contains', 'gte', 'lt']);

/** The most filters a search's `anyOf` may hold, so no caller can build an unbounded query. */
export const MAX_ANY_OF = 200;

function isFilterValue(value: unknown): value is FilterValue {
  return (
    typeof value === 'string' ||
    typeof value === 'boolean' ||
    (typeof value === 'number' && Number.isFinite(value))
  );
}

/**
 * Throws unless the filter is made of known conditions on plain paths with literal values. Both
 * adapters call it first, so a value such as `{"$gt": ""}` can never become a query operator.
 */
export function assertFilter(filter: Filter): void {
  // An array would pass as a filter without conditions, which matches everything.
  if (typeof filter !== 'object' || filter === null || Array.isArray(filter)) {
    throw new TypeError('A filter must be an object');
  }
  for (const [path, condition] of Object.entries(filter)) {
    if (!PATH.test(path)) throw new TypeError(`Invalid filter path: ${path}`);
    if (typeof condition !== 'object' || condition === null) {
      throw new TypeError(`Filter condition on ${path} must be an object`);
    }
    const keys = Object.keys(condition);
    if (keys.length === 0 || keys.some((k) => !OPERATORS.has(k))) {
      throw new TypeError(`Unknown filter condition on ${path}`);
    }
    // One operator per condition (a range may give both ends), so no adapter can pick a different one.
    const isRange = keys.every((k) => k === 'gte' || k === 'lt');
    if (keys.length > 1 && !isRange) {
      throw new TypeError(`Filter condition on ${path} must have one operator`);
    }
    for (const [key, value] of Object.entries(condition)) {
      const ok =
        key === 'in'
          ? Array.isArray(value) && value.every(isFilterValue)
          : key === 'eq'
            ? value === null || isFilterValue(value)
            : key === 'prefix' || key === 'contains'
              ? typeof value === 'string'
              : value === undefined || isFilterValue(value);
      if (!ok) throw new TypeError(`Filter value on ${path}.${key} must be a literal`);
    }
  }
}

/**
 * Throws unless `anyOf` is a list of at most `MAX_ANY_OF` filters, each valid for `assertFilter`.
 * Both adapters call it before using any of them.
 */
export function assertAnyOf(anyOf: readonly Filter[]): void {
  if (!Array.isArray(anyOf)) throw new TypeError('anyOf must be a list of filters');
  if (anyOf.length > MAX_ANY_OF) {
    throw new TypeError(`anyOf holds ${anyOf.length} filters; at most ${MAX_ANY_OF} are allowed`);
  }
  for (const filter of anyOf) assertFilter(filter);
}

/** The values found at a dotted path; arrays along the way are flattened. */
export function getPathValues(data: unknown, path: string): unknown[] {
  let current: unknown[] = [data];
  for (const segment of path.split('.')) {
    current = current
      .flatMap((value) => (Array.isArray(value) ? value : [value]))
      .map((value) =>
        value !== null && typeof value === 'object'
          ? (value as Record<string, unknown>)[segment]
          : undefined,
      );
  }
  return current.flatMap((value) => (Array.isArray(value) ? value : [value]));
}

function compare(a: FilterValue, b: FilterValue): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
}

function matchesValue(value: unknown, condition: Condition): boolean {
  if ('eq' in condition) {
    return condition.eq === null ? value === null || value === undefined : value === condition.eq;
  }
  if (!isFilterValue(value)) return false;
  if ('in' in condition) return condition.in.includes(value);
  if ('prefix' in condition) return typeof value === 'string' && value.startsWith(condition.prefix);
  if ('contains' in condition) {
    return (
      typeof value === 'string' &&
      value.toLocaleLowerCase('da').includes(condition.contains.toLocaleLowerCase('da'))
    );
  }
  return (
    (condition.gte === undefined || compare(value, condition.gte) >= 0) &&
    (condition.lt === undefined || compare(value, condition.lt) < 0)
  );
}

/** Evaluates a filter in memory with the same meaning the MongoDB adapter gives it. */
export function matchesFilter(data: Data, filter: Filter): boolean {
  return Object.entries(filter).every(([path, condition]) => {
    const values = getPathValues(data, path);
    if ('eq' in condition && condition.eq === null) {
      return values.every((v) => v === null || v === undefined);
    }
    return values.some((value) => matchesValue(value, condition));
  });
}

/** Escapes a literal for use inside a regular expression. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
