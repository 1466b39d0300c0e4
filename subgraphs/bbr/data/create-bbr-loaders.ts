import DataLoader from 'dataloader';
import type { PointInTime } from '../../kit/point-in-time';
import type { Bygning, Enhed, Grund } from '../bbr/bbr-objects';
import { selectRegistration } from '../bbr/select-registration';
import { toBygning, toEnhed, toGrund } from '../bbr/to-bbr-objects';
import type { BbrKeyParam, BbrRecord, BbrResource } from '../upstream/bbr-record';
import type { BbrClient } from '../upstream/create-bbr-client';
import { selectEachObject } from './group-by-object';

export interface BbrLoaders {
  bygning: DataLoader<string, Bygning | null>;
  enhed: DataLoader<string, Enhed | null>;
  grund: DataLoader<string, Grund | null>;
  /** The units of a building, by the building's id. */
  enhederByBygning: DataLoader<string, Enhed[]>;
  /** The buildings on a plot, by the plot's id. */
  bygningerByGrund: DataLoader<string, Bygning[]>;
}

function isPresent<T>(value: T | null): value is T {
  return value !== null;
}

/**
 * Loaders for one request, bound to its point in time. Each gathers the keys asked for in one
 * tick into one client call, which the client chunks and caches; a key whose call failed gets
 * the error, so only the fields that need it fail.
 */
export function createBbrLoaders(client: BbrClient, at: PointInTime): BbrLoaders {
  function createLoader<T>(
    resource: BbrResource,
    param: BbrKeyParam,
    toValue: (history: BbrRecord[]) => T,
  ): DataLoader<string, T> {
    return new DataLoader<string, T>(async (keys) => {
      const results = await client.loadByKeys(resource, param, keys);
      return keys.map((key) => {
        const result = results.get(key.toLowerCase()) ?? [];
        return result instanceof Error ? result : toValue(result);
      });
    });
  }
  const one =
    <T>(toObject: (record: BbrRecord) => T | null) =>
    (history: BbrRecord[]): T | null => {
      const record = selectRegistration(history, at);
      return record === null ? null : toObject(record);
    };
  return {
    bygning: createLoader('bygning', 'Id', one(toBygning)),
    enhed: createLoader('enhed', 'Id', one(toEnhed)),
    grund: createLoader('grund', 'Id', one(toGrund)),
    enhederByBygning: createLoader('enhed', 'BygningsId', (records) =>
      selectEachObject(records, at).map(toEnhed).filter(isPresent),
    ),
    bygningerByGrund: createLoader('bygning', 'Grund', (records) =>
      selectEachObject(records, at).map(toBygning).filter(isPresent),
    ),
  };
}
