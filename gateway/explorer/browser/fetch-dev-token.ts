/** A development profile as the development issuer lists it. */
export interface DevProfileEntry {
  name: string;
  description: string;
}

/** The development issuer's profiles (`GET <issuer>/profiles`). */
export async function fetchDevProfiles(tokenUrl: string): Promise<DevProfileEntry[]> {
  const response = await fetch(new URL('/profiles', tokenUrl));
  if (!response.ok) throw new Error(`the development issuer answered ${response.status}`);
  const body = (await response.json()) as { profiles?: DevProfileEntry[] };
  return body.profiles ?? [];
}

/** A token for one profile from the development issuer (`POST <tokenUrl>`). */
export async function fetchDevToken(tokenUrl: string, profile: string): Promise<string> {
  const response = await fetch(tokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ profile }),
  });
  const body = (await response.json().catch(() => ({}))) as { token?: string; error?: string };
  if (!response.ok || !body.token) {
    throw new Error(body.error ?? `the development issuer answered ${response.status}`);
  }
  return body.token;
}
