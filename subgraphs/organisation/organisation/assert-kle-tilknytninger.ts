import { BadUserInputError } from '../../kit/domain-error';
import { assertUuid } from '../../kit/ids';
import { KLE_ASPEKTER, type KleAspekt, type KleTilknytningData } from './organisation-data';

function isKleAspekt(value: unknown): value is KleAspekt {
  return typeof value === 'string' && (KLE_ASPEKTER as readonly string[]).includes(value);
}

/**
 * Returns the KLE tags with canonical uuids, or throws BAD_USER_INPUT naming `field`. A tag may
 * appear once: a duplicate would count the same responsibility twice.
 */
export function assertKleTilknytninger(value: unknown, field = 'kle'): KleTilknytningData[] {
  if (!Array.isArray(value)) throw new BadUserInputError(`${field} must be a list`, field);
  const seen = new Set<string>();
  return value.map((item: unknown, index) => {
    const tag = (typeof item === 'object' && item !== null ? item : {}) as Record<string, unknown>;
    if (!isKleAspekt(tag.aspekt)) {
      throw new BadUserInputError(
        `${field}[${index}].aspekt must be one of ${KLE_ASPEKTER.join(', ')}`,
        `${field}.aspekt`,
      );
    }
    const klasse = assertUuid(tag.klasse, `${field}.klasse`);
    const key = `${tag.aspekt}/${klasse}`;
    if (seen.has(key)) {
      throw new BadUserInputError(`${field} lists ${tag.aspekt} ${klasse} twice`, field);
    }
    seen.add(key);
    return { aspekt: tag.aspekt, klasse };
  });
}
