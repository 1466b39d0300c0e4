import { GraphiQL } from 'graphiql';
import { buildSchema, type GraphQLSchema } from 'graphql';
import { useCallback, useEffect, useMemo, useRef, useState, type ReactElement } from 'react';
import type { ExplorerExample, ExplorerPageConfig } from '../explorer-config';
import { createExplorerFetcher } from './create-explorer-fetcher';
import { fetchDevProfiles, fetchDevToken, type DevProfileEntry } from './fetch-dev-token';
import { readStoredProfile, readStoredToken, storeSession } from './token-storage';

const TIME_HEADERS = ['Virkningstid', 'Registreringstid'] as const;

/** What a new tab holds. */
const NEW_TAB_QUERY = `# Choose an example above, or write a query: Ctrl+Space completes, Ctrl+Enter runs,
# the docs explorer (book icon, left) shows every type and field.
{
  organisationer(first: 5) {
    nodes {
      navn
      kommunekode
    }
  }
}
`;

/** The example a first visit opens with. */
const FIRST_EXAMPLE = 'sagsbehandler-sag';

export interface ExplorerAppProps {
  config: ExplorerPageConfig;
  examples: ExplorerExample[];
}

function printHeaders(headers: Record<string, string>): string {
  return Object.keys(headers).length === 0 ? '' : JSON.stringify(headers, null, 2);
}

/** The headers of an example that are not set in the page's own fields. */
function getOtherHeaders(example: ExplorerExample): Record<string, string> {
  return Object.fromEntries(
    Object.entries(example.headers).filter(
      ([name]) => !TIME_HEADERS.some((time) => time.toLowerCase() === name.toLowerCase()),
    ),
  );
}

function getHeader(example: ExplorerExample, name: string): string {
  const found = Object.entries(example.headers).find(
    ([key]) => key.toLowerCase() === name.toLowerCase(),
  );
  return found?.[1] ?? '';
}

/**
 * GraphiQL with the settings a caller of this graph needs above it: who is asking (a development
 * profile, or a pasted token), at which point in time, and the example operations.
 */
export function ExplorerApp({ config, examples }: ExplorerAppProps): ReactElement {
  const tokenUrl = config.tokenUrl;
  const [profiles, setProfiles] = useState<DevProfileEntry[]>([]);
  const [profile, setProfile] = useState(readStoredProfile);
  const [token, setToken] = useState(readStoredToken);
  const [status, setStatus] = useState('');
  const [times, setTimes] = useState<Record<string, string>>({});
  const [exampleName, setExampleName] = useState('');
  const [query, setQuery] = useState<string | undefined>(undefined);
  const [variables, setVariables] = useState<string | undefined>(undefined);
  const [headers, setHeaders] = useState<string | undefined>(undefined);
  const [schema, setSchema] = useState<GraphQLSchema | null>(null);
  const tokenRef = useRef(token);
  tokenRef.current = token;
  const timesRef = useRef(times);
  timesRef.current = times;

  useEffect(() => {
    if (!tokenUrl) return;
    fetchDevProfiles(tokenUrl).then(setProfiles, (error: unknown) =>
      setStatus(`No development profiles: ${error instanceof Error ? error.message : error}`),
    );
  }, [tokenUrl]);

  // The schema with the caller's token (every route but the page needs one); none without.
  useEffect(() => {
    if (!token) {
      setSchema(null);
      return;
    }
    let current = true;
    fetch(config.schemaUrl, { headers: { authorization: `Bearer ${token}` } })
      .then(async (response) => {
        if (!response.ok) throw new Error(`the gateway answered ${response.status}`);
        return buildSchema(await response.text());
      })
      .then(
        (loaded) => {
          if (current) setSchema(loaded);
        },
        (error: unknown) => {
          if (!current) return;
          setSchema(null);
          setStatus(`No schema: ${error instanceof Error ? error.message : error}`);
        },
      );
    return () => {
      current = false;
    };
  }, [config.schemaUrl, token]);

  const chooseProfile = useCallback(
    async (name: string): Promise<void> => {
      setProfile(name);
      if (!name || !tokenUrl) {
        storeSession(name, '');
        setToken('');
        setStatus(name ? '' : 'No token: paste one, or choose a profile.');
        return;
      }
      setStatus(`Getting a token for ${name}…`);
      try {
        const fresh = await fetchDevToken(tokenUrl, name);
        storeSession(name, fresh);
        setToken(fresh);
        setStatus(`Signed in as ${name}.`);
      } catch (error) {
        storeSession(name, '');
        setToken('');
        setStatus(`No token for ${name}: ${error instanceof Error ? error.message : error}`);
      }
    },
    [tokenUrl],
  );

  const profileRef = useRef(profile);
  profileRef.current = profile;
  const fetcher = useMemo(
    () =>
      createExplorerFetcher({
        endpoint: config.endpoint,
        getToken: () => tokenRef.current,
        getTimeHeaders: () =>
          Object.fromEntries(Object.entries(timesRef.current).filter(([, value]) => value)),
        onUnauthorized: () => {
          if (profileRef.current && tokenUrl) {
            setStatus('The gateway refused the token; choose the profile again for a new one.');
          } else {
            setStatus('The gateway refused the token (see the result pane).');
          }
        },
      }),
    [config.endpoint, tokenUrl],
  );

  const pickExample = (name: string): void => {
    setExampleName(name);
    const example = examples.find((e) => e.name === name);
    if (!example) return;
    setQuery(example.query);
    setVariables(example.variables);
    setHeaders(printHeaders(getOtherHeaders(example)));
    setTimes(Object.fromEntries(TIME_HEADERS.map((t) => [t, getHeader(example, t)])));
    if (example.profile !== profile && tokenUrl) void chooseProfile(example.profile);
  };

  const first = examples.find((e) => e.name === FIRST_EXAMPLE) ?? examples[0];
  const defaultTabs = first
    ? [
        {
          query: first.query,
          variables: first.variables,
          headers: printHeaders(getOtherHeaders(first)),
        },
      ]
    : undefined;

  return (
    <div className="explorer">
      <header className="explorer-bar">
        <strong className="explorer-title">Kommunegraf</strong>
        {tokenUrl ? (
          <label>
            Profile{' '}
            <select
              id="explorer-profile"
              value={profile}
              onChange={(event) => void chooseProfile(event.target.value)}
              title={profiles.find((p) => p.name === profile)?.description}
            >
              <option value="">(none)</option>
              {profiles.map((p) => (
                <option key={p.name} value={p.name} title={p.description}>
                  {p.name}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <label>
          Token{' '}
          <input
            id="explorer-token"
            type="password"
            autoComplete="off"
            spellCheck={false}
            placeholder="eyJhbGciOi…"
            value={token}
            onChange={(event) => {
              // A pasted token may come with its scheme and line breaks from a terminal.
              const pasted = event.target.value
                .trim()
                .replace(/^Bearer\s+/i, '')
                .replace(/\s+/g, '');
              setProfile('');
              storeSession('', pasted);
              setToken(pasted);
            }}
          />
        </label>
        <label>
          Example{' '}
          <select
            id="explorer-example"
            value={exampleName}
            onChange={(event) => pickExample(event.target.value)}
          >
            <option value="">(choose)</option>
            {examples.map((e) => (
              <option key={e.name} value={e.name}>
                {e.name}
              </option>
            ))}
          </select>
        </label>
        {TIME_HEADERS.map((name) => (
          <label key={name}>
            {name}{' '}
            <input
              id={`explorer-${name.toLowerCase()}`}
              placeholder="now (ISO 8601)"
              value={times[name] ?? ''}
              onChange={(event) => setTimes({ ...times, [name]: event.target.value.trim() })}
            />
          </label>
        ))}
        <span className="explorer-status" role="status">
          {status}
        </span>
      </header>
      <GraphiQL
        fetcher={fetcher}
        schema={schema}
        defaultTabs={defaultTabs}
        defaultQuery={NEW_TAB_QUERY}
        query={query}
        variables={variables}
        headers={headers}
        onEditQuery={setQuery}
        onEditVariables={setVariables}
        onEditHeaders={setHeaders}
        isHeadersEditorEnabled
        shouldPersistHeaders={false}
        defaultEditorToolsVisibility="variables"
      />
    </div>
  );
}
