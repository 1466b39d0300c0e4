// The token lives in sessionStorage: kept while the tab is open (reloads included), gone when it
// closes, and never shared with other tabs or written to disk by the page.
const PROFILE_KEY = 'kommunegraf:profile';
const TOKEN_KEY = 'kommunegraf:token';

/** The profile chosen in this tab ('' for none or a pasted token). */
export function readStoredProfile(): string {
  return sessionStorage.getItem(PROFILE_KEY) ?? '';
}

export function readStoredToken(): string {
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

export function storeSession(profile: string, token: string): void {
  sessionStorage.setItem(PROFILE_KEY, profile);
  if (token) sessionStorage.setItem(TOKEN_KEY, token);
  else sessionStorage.removeItem(TOKEN_KEY);
}
