import { randomUUID } from 'node:crypto';
import { assertText } from '../../kit/assert-text';
import { BadUserInputError } from '../../kit/domain-error';
import { assertUuid } from '../../kit/ids';
import type { BitemporalStore } from '../../kit/store/bitemporal-store';
import { assertChangeOptions } from './assert-change-options';
import type { CreatedObject, CreateOptions } from './change-options';
import { getOrganisationAt } from './get-organisation-at';
import {
  MAX_BRUGERVENDT_NOEGLE_LENGTH,
  MAX_NAVN_LENGTH,
  STORE_TYPES,
  type BrugerData,
  type OrganisationEnhedData,
} from './organisation-data';

export interface BrugerInput {
  /** @default a new random uuid */
  uuid?: string;
  /** The user name. */
  brugervendtNoegle: string;
  navn: string;
  /** uuid of the employing organisation. */
  organisation: string;
  /** uuids of the units the user works in, all of the same organisation. @default [] */
  enheder?: string[];
}

/** Validates and registers a new user; users are listed by user name. */
export async function createBruger(
  store: BitemporalStore,
  input: BrugerInput,
  options: CreateOptions,
): Promise<CreatedObject> {
  const checked = assertChangeOptions(options);
  const uuid = input.uuid === undefined ? randomUUID() : assertUuid(input.uuid, 'uuid');
  const enheder = (input.enheder ?? []).map((enhed) => assertUuid(enhed, 'enheder'));
  if (new Set(enheder).size !== enheder.length) {
    throw new BadUserInputError('enheder lists a unit twice', 'enheder');
  }
  const data: BrugerData = {
    brugervendtNoegle: assertText(
      input.brugervendtNoegle,
      'brugervendtNoegle',
      MAX_BRUGERVENDT_NOEGLE_LENGTH,
    ),
    navn: assertText(input.navn, 'navn', MAX_NAVN_LENGTH),
    organisation: assertUuid(input.organisation, 'organisation'),
    enheder,
  };
  const at = { virkningstid: checked.fra, registreringstid: checked.tid ?? new Date() };
  await getOrganisationAt(store, data.organisation, at);
  const units = await store.findByIds<OrganisationEnhedData>(
    STORE_TYPES.organisationEnhed,
    enheder,
    at,
  );
  units.forEach((unit, index) => {
    if (!unit || unit.data.organisation !== data.organisation) {
      throw new BadUserInputError(
        `enheder: ${enheder[index]} is not a unit of the organisation at ${checked.fra.toISOString()}`,
        'enheder',
      );
    }
  });
  const result = await store.append<BrugerData>({
    type: STORE_TYPES.bruger,
    uuid,
    expectedVersion: 0,
    livscyklus: checked.livscyklus ?? 'OPSTAAET',
    aktoer: checked.aktoer,
    note: checked.note ?? null,
    virkninger: [{ fra: checked.fra, til: checked.til ?? null, data }],
    sortKey: data.brugervendtNoegle,
    tid: checked.tid,
  });
  return { uuid, ...result };
}
