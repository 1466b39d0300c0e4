import { BadUserInputError } from '../../kit/domain-error';
import { assertUuid, isUuid } from '../../kit/ids';
import type { Condition, Filter } from '../../kit/store/bitemporal-store';
import { assertCpr } from '../sag/assert-cpr';
import { assertCvr } from '../sag/assert-cvr';
import { assertKlePrefix } from '../sag/assert-kle-nummer';
import { FREMDRIFT, type Fremdrift } from '../sag/sag-data';

/** Longer search texts are no title: refusing them keeps scans cheap. */
export const MAX_SOEG_LENGTH = 100;
/** More units than any municipality has; a longer list is a mistake or an attack. */
export const MAX_ANSVARLIGE_ENHEDER = 500;

/** The GraphQL `TidsInterval`; the DateTime scalar has already parsed both ends. */
export interface TidsIntervalInput {
  fra?: Date | null;
  til?: Date | null;
}

/** The GraphQL `SagFilter`. */
export interface SagFilterInput {
  organisation?: string | null;
  kle?: string | null;
  fremdrift?: Fremdrift[] | null;
  ansvarligEnheder?: string[] | null;
  sagsbehandler?: string | null;
  partCpr?: string | null;
  partCvr?: string | null;
  bygning?: string | null;
  soeg?: string | null;
  oprettet?: TidsIntervalInput | null;
  aendret?: TidsIntervalInput | null;
}

function buildInterval(interval: TidsIntervalInput, field: string): Condition | null {
  const condition: { gte?: string; lt?: string } = {};
  for (const end of ['fra', 'til'] as const) {
    const value = interval[end];
    if (value === null || value === undefined) continue;
    if (!(value instanceof Date) || Number.isNaN(value.getTime())) {
      throw new BadUserInputError(`${field}.${end} must be a DateTime`, `${field}.${end}`);
    }
    // Stored times are ISO strings in UTC, which compare correctly as strings.
    condition[end === 'fra' ? 'gte' : 'lt'] = value.toISOString();
  }
  return Object.keys(condition).length > 0 ? condition : null;
}

/**
 * The store filter for a case search. Every value is validated (naming its field, e.g.
 * `filter.partCpr`) and passed to the store as a literal, so `.*` or `{"$gt": ""}` is text to
 * compare with, never a pattern or an operator.
 */
export function buildSagFilter(input: SagFilterInput | null | undefined): Filter {
  const filter: Filter = {};
  if (!input) return filter;
  if (input.organisation != null) {
    filter.organisation = { eq: assertUuid(input.organisation, 'filter.organisation') };
  }
  if (input.kle != null) {
    // A class uuid selects that class; a KLE number selects it and everything below it.
    if (isUuid(input.kle)) filter.kle = { eq: input.kle.toLowerCase() };
    else filter.kleNummer = { prefix: assertKlePrefix(input.kle, 'filter.kle') };
  }
  if (input.fremdrift != null) {
    input.fremdrift.forEach((value, i) => {
      if (!FREMDRIFT.includes(value)) {
        throw new BadUserInputError(`filter.fremdrift[${i}] is no stage`, `filter.fremdrift[${i}]`);
      }
    });
    filter.fremdrift = { in: [...new Set(input.fremdrift)] };
  }
  if (input.ansvarligEnheder != null) {
    if (input.ansvarligEnheder.length > MAX_ANSVARLIGE_ENHEDER) {
      throw new BadUserInputError(
        `filter.ansvarligEnheder must have at most ${MAX_ANSVARLIGE_ENHEDER} units`,
        'filter.ansvarligEnheder',
      );
    }
    filter.ansvarligEnhed = {
      in: input.ansvarligEnheder.map((id, i) => assertUuid(id, `filter.ansvarligEnheder[${i}]`)),
    };
  }
  if (input.sagsbehandler != null) {
    filter.sagsbehandler = { eq: assertUuid(input.sagsbehandler, 'filter.sagsbehandler') };
  }
  if (input.partCpr != null) {
    filter['parter.cpr'] = { eq: assertCpr(input.partCpr, 'filter.partCpr') };
  }
  if (input.partCvr != null) {
    filter['parter.cvr'] = { eq: assertCvr(input.partCvr, 'filter.partCvr') };
  }
  if (input.bygning != null) {
    filter.bygninger = { eq: assertUuid(input.bygning, 'filter.bygning') };
  }
  if (input.soeg != null) {
    const text = input.soeg.trim();
    if (text.length > MAX_SOEG_LENGTH) {
      throw new BadUserInputError(
        `filter.soeg must be at most ${MAX_SOEG_LENGTH} characters`,
        'filter.soeg',
      );
    }
    if (text !== '') filter.titel = { contains: text };
  }
  for (const field of ['oprettet', 'aendret'] as const) {
    const interval = input[field];
    const condition = interval ? buildInterval(interval, `filter.${field}`) : null;
    if (condition) filter[field] = condition;
  }
  return filter;
}

/**
 * `filter` with `path` restricted to `scope` (a unit set, a building), keeping any condition the
 * client put on the same path: the result is their intersection. Null when nothing can match.
 */
export function restrictFilter(
  filter: Filter,
  path: string,
  scope: readonly string[],
): Filter | null {
  const allowed = getAllowedValues(filter[path]);
  const values = allowed === null ? [...new Set(scope)] : scope.filter((v) => allowed.has(v));
  if (values.length === 0) return null;
  return { ...filter, [path]: { in: values } };
}

/** The values a client condition on a scope path lets through; null when there is none. */
export function getAllowedValues(condition: Condition | undefined): Set<string> | null {
  if (condition === undefined) return null;
  if ('eq' in condition) return new Set(condition.eq === null ? [] : [String(condition.eq)]);
  if ('in' in condition) return new Set(condition.in.map(String));
  // buildSagFilter only puts eq and in on scope paths.
  throw new TypeError('A scope path carries an unexpected condition');
}
