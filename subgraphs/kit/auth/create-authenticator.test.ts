import { UnauthenticatedError } from './create-token-verifier';
import { getTestIssuer } from './testing/create-test-issuer';

describe('createAuthenticator', () => {
  it('returns the caller and the token of a valid bearer token', async () => {
    const issuer = await getTestIssuer();
    const token = await issuer.sign({ sub: 'u1' });
    await expect(
      issuer.createAuthenticator()({ authorization: `Bearer ${token}` }),
    ).resolves.toEqual({
      caller: { kind: 'BRUGER', subject: 'u1', groups: [] },
      token,
    });
  });

  it('refuses a request without a token unless tokens are optional', async () => {
    const issuer = await getTestIssuer();
    await expect(issuer.createAuthenticator()({})).rejects.toBeInstanceOf(UnauthenticatedError);
    await expect(issuer.createAuthenticator(false)({})).resolves.toEqual({
      caller: { kind: 'ANONYM' },
      token: null,
    });
  });

  it('refuses a malformed or invalid header even when tokens are optional', async () => {
    const authenticate = (await getTestIssuer()).createAuthenticator(false);
    for (const authorization of [
      'Bearer',
      'bearer x.y.z',
      'Token abc',
      'Bearer a b',
      'Bearer x.y.z',
    ]) {
      await expect(authenticate({ authorization })).rejects.toBeInstanceOf(UnauthenticatedError);
    }
  });
});
