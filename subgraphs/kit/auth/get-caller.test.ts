import { getCaller } from './get-caller';
import { InvalidPrivilegesError } from './invalid-privileges-error';

describe('getCaller', () => {
  it('makes a user of a token with privileges, ignoring a CPR on it', () => {
    expect(
      getCaller({
        sub: 'u1',
        cpr: '1203654127',
        privilegier: [{ cvr: '29189625', roller: ['sag:laes'] }],
      }),
    ).toEqual({
      kind: 'BRUGER',
      subject: 'u1',
      groups: [expect.objectContaining({ cvr: '29189625' })],
    });
  });

  it('makes a citizen of a token with only a CPR number', () => {
    expect(getCaller({ sub: 'b1', cpr: '1203654127' })).toEqual({
      kind: 'BORGER',
      subject: 'b1',
      cpr: '1203654127',
    });
  });

  it('makes a user without privileges of a token with neither', () => {
    expect(getCaller({ sub: 'x' })).toEqual({ kind: 'BRUGER', subject: 'x', groups: [] });
  });

  it.each([
    ['no subject', { cpr: '1203654127' }],
    ['a malformed CPR claim', { sub: 'b', cpr: '12036541' }],
    ['a privileges claim that is not base64 XML', { sub: 'u', privileges_intermediate: 42 }],
  ])('refuses %s', (_, payload) => {
    expect(() => getCaller(payload)).toThrow(InvalidPrivilegesError);
  });
});
