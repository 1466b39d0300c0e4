import DataLoader from 'dataloader';
import type { PointInTime } from '../../kit/point-in-time';
import type { Bygning, Enhed, Etage, Grund } from '../bbr/bbr-objects';
import { selectRegistration } from '../bbr/select-registration';
import { toBygning, toEnhed, toEtage, toGrund } from '../bbr/to-bbr-objects';
import type { BbrKeyField, BbrRecord, BbrResource } from '../upstream/bbr-record';
import type { BbrClient } from '../upstream/create-bbr-client';
import { selectEachObject } from './group-by-object';

export interface BbrLoaders {
  bygning: DataLoader<string, Bygning | null>;
  enhed: DataLoader<string, Enhed | null>;
  grund: DataLoader<string, Grund | null>;
  /** The units of a building, by the building's id. */
  enhederByBygning: DataLoader<string, Enhed[]>;
  /** The floors of a building, by the building's id. */
  etagerByBygning: DataLoader<string, Etage[]>;
  /** The buildings on a plot, by the plot's id. */
  bygningerByGrund: DataLoader<string, Bygning[]>;
}

function isPresent<T>(value: T | null): value is T {
  return value !== null;
}

/**
 * Loaders for one request, bound to its point in time, which every upstream call carries. Each
 * gathers the keys asked for in one tick into one client call, which the client chunks and
 * caches; a key whose call failed gets the error, so only the fields that need it fail.
 */
export function createBbrLoaders(client: BbrClient, at: PointInTime): BbrLoaders {
  function createLoader<T>(
    resource: BbrResource,
    field: BbrKeyField,
    toValue: (records: BbrRecord[]) => T,
  ): DataLoader<string, T> {
    return new DataLoader<string, T>(async (keys) => {
      const results = await client.loadByKeys(resource, field, keys, at);
      return keys.map((key) => {
        const result = results.get(key.toLowerCase()) ?? [];
        return result instanceof Error ? result : toValue(result);
      });
    });
  }
  // The service answers for `at`; the pick guards against a registration it sent regardless.
  const one =
    <T>(toObject: (record: BbrRecord) => T | null) =>
    (records: BbrRecord[]): T | null => {
      const record = selectRegistration(records, at);
      return record === null ? null : toObject(record);
    };
  const each =
    <T>(toObject: (record: BbrRecord) => T | null) =>
    (records: BbrRecord[]): T[] =>
      selectEachObject(records, at).map(toObject).filter(isPresent);
  return {
    bygning: createLoader('bygning', 'id', one(toBygning)),
    enhed: createLoader('enhed', 'id', one(toEnhed)),
    grund: createLoader('grund', 'id', one(toGrund)),
    enhederByBygning: createLoader('enhed', 'bygning', each(toEnhed)),
    etagerByBygning: createLoader('etage', 'bygning', each(toEtage)),
    bygningerByGrund: createLoader('bygning', 'grund', each(toBygning)),
  };
}
