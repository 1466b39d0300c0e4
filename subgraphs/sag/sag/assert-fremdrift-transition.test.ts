import type { DomainError } from '../../kit/domain-error';
import {
  assertFremdriftTransition,
  isFremdriftTransitionAllowed,
} from './assert-fremdrift-transition';
import type { Fremdrift } from './sag-data';

describe('isFremdriftTransitionAllowed', () => {
  it.each<[Fremdrift, Fremdrift, boolean]>([
    ['OPSTAAET', 'OPLYST', true],
    ['OPLYST', 'AFGJORT', true],
    ['AFGJORT', 'BESTILT', true],
    ['BESTILT', 'UDFOERT', true],
    ['UDFOERT', 'AFSLUTTET', true],
    ['AFGJORT', 'AFSLUTTET', true],
    ['OPSTAAET', 'AFSLUTTET', true],
    ['OPSTAAET', 'AFGJORT', true],
    ['OPLYST', 'OPSTAAET', false],
    ['UDFOERT', 'AFGJORT', false],
    ['OPLYST', 'OPLYST', false],
    ['AFSLUTTET', 'OPSTAAET', false],
    ['AFSLUTTET', 'AFSLUTTET', false],
  ])('%s → %s: %s', (fra, til, allowed) => {
    expect(isFremdriftTransitionAllowed(fra, til)).toBe(allowed);
  });

  it('refuses with FREMDRIFT_NOT_ALLOWED', () => {
    expect(() => assertFremdriftTransition('AFSLUTTET', 'OPLYST')).toThrow(
      expect.objectContaining({ code: 'FREMDRIFT_NOT_ALLOWED' }) as DomainError,
    );
  });
});
