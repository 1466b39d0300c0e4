import { randomUUID } from 'node:crypto';
import { assertText } from '../../kit/assert-text';
import { assertUuid } from '../../kit/ids';
import type { BitemporalStore } from '../../kit/store/bitemporal-store';
import { assertChangeOptions } from './assert-change-options';
import { assertCvr } from './assert-cvr';
import { assertKommunekode } from './assert-kommunekode';
import type { CreatedObject, CreateOptions } from './change-options';
import {
  MAX_BRUGERVENDT_NOEGLE_LENGTH,
  MAX_NAVN_LENGTH,
  STORE_TYPES,
  type OrganisationData,
} from './organisation-data';

export interface OrganisationInput {
  /** @default a new random uuid */
  uuid?: string;
  brugervendtNoegle: string;
  navn: string;
  cvr: string;
  /** @default null (not a municipality) */
  kommunekode?: string | null;
}

/** Validates and registers a new organisation; organisations are listed by their key. */
export async function createOrganisation(
  store: BitemporalStore,
  input: OrganisationInput,
  options: CreateOptions,
): Promise<CreatedObject> {
  const checked = assertChangeOptions(options);
  const uuid = input.uuid === undefined ? randomUUID() : assertUuid(input.uuid, 'uuid');
  const data: OrganisationData = {
    brugervendtNoegle: assertText(
      input.brugervendtNoegle,
      'brugervendtNoegle',
      MAX_BRUGERVENDT_NOEGLE_LENGTH,
    ),
    navn: assertText(input.navn, 'navn', MAX_NAVN_LENGTH),
    cvr: assertCvr(input.cvr),
    kommunekode:
      input.kommunekode === undefined || input.kommunekode === null
        ? null
        : assertKommunekode(input.kommunekode),
  };
  const result = await store.append<OrganisationData>({
    type: STORE_TYPES.organisation,
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
