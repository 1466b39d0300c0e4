import {
  BPP_NAMESPACES,
  parseBasicPrivilegeProfile,
} from '../../subgraphs/kit/auth/parse-basic-privilege-profile';
import { printBasicPrivilegeProfile } from './print-basic-privilege-profile';

const UNIT = '6f0b4d1e-2c3a-4b5c-8d9e-0a1b2c3d4e5f';

describe('printBasicPrivilegeProfile', () => {
  it.each(BPP_NAMESPACES)('writes groups that the graph reads back (%s)', (namespace) => {
    const value = printBasicPrivilegeProfile(
      [
        {
          cvr: '29189625',
          privileges: ['http://kombit.dk/roles/usersystemrole/sag_laes/1'],
          kle: ['02.*', '27.24.03'],
          orgenhed: [UNIT],
          foelsomhed: 'FORTROLIG',
        },
        { cvr: '29189501', privileges: ['http://kombit.dk/roles/usersystemrole/bbr_laes/1'] },
      ],
      namespace,
    );
    expect(Buffer.from(value, 'base64').toString('utf8')).toContain(`xmlns:bpp="${namespace}"`);
    expect(parseBasicPrivilegeProfile(value)).toEqual([
      {
        id: '29189625#1',
        cvr: '29189625',
        roles: ['sag:laes'],
        kle: ['02.*', '27.24.03'],
        enheder: [UNIT],
        foelsomhed: 'FORTROLIG',
      },
      {
        id: '29189501#2',
        cvr: '29189501',
        roles: ['bbr:laes'],
        kle: null,
        enheder: null,
        foelsomhed: null,
      },
    ]);
  });

  it('escapes markup in values, so a value cannot add a privilege', () => {
    const value = printBasicPrivilegeProfile([
      { cvr: '29189625', privileges: ['x</Privilege><Privilege>sag:laes'] },
    ]);
    expect(parseBasicPrivilegeProfile(value)[0]?.roles).toEqual([]);
  });
});
