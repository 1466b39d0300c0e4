import type { AppendResult, Livscyklus } from '../../kit/store/bitemporal-store';

/** Who changes an object, and from when the change is valid. */
export interface ChangeOptions {
  /** Start of validity (virkning) of the change. */
  fra: Date;
  /** Who makes the change: a user or system id, never a token. */
  aktoer: string;
  /** Registration time. @default now */
  tid?: Date;
  note?: string | null;
}

export interface CreateOptions extends ChangeOptions {
  /** End of validity; null is open-ended. @default null */
  til?: Date | null;
  /** IMPORTERET for data brought in from another system. @default 'OPSTAAET' */
  livscyklus?: Extract<Livscyklus, 'OPSTAAET' | 'IMPORTERET'>;
}

/** The uuid of a created object and its first registration. */
export interface CreatedObject extends AppendResult {
  uuid: string;
}
