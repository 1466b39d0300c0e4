import { createHash } from 'node:crypto';

/**
 * applyGcra as one Lua script, so reading and moving a key's theoretical arrival time is atomic
 * across every gateway on the same Redis (Redis runs a script without interleaving other
 * commands). KEYS[1]: the budget's key. ARGV: now (ms), the interval between requests (ms), the
 * capacity (interval × burst, ms) and how much longer than needed the key is kept (ms).
 * Replies `{1, "0"}` when let through, `{0, "<ms to wait>"}` when refused; a refusal writes
 * nothing.
 *
 * Times travel as decimal strings with three decimals (`%.3f`): Lua 5.1 prints numbers with 14
 * significant digits, which would round a millisecond timestamp with a fraction. The key expires
 * once its budget is full again (plus the slack), so an idle caller leaves nothing behind.
 */
export const GCRA_SCRIPT = `
local now = tonumber(ARGV[1])
local interval = tonumber(ARGV[2])
local capacity = tonumber(ARGV[3])
local slack = tonumber(ARGV[4])
local tat = tonumber(redis.call('GET', KEYS[1]) or ARGV[1])
if tat < now then tat = now end
local next_tat = tat + interval
local ahead = next_tat - now
if ahead > capacity then
  return {0, string.format('%.3f', ahead - capacity)}
end
redis.call('SET', KEYS[1], string.format('%.3f', next_tat), 'PX', math.ceil(ahead + slack))
return {1, '0'}
`;

/** What EVALSHA names the script by (Redis's script cache is keyed by SHA-1). */
export const GCRA_SCRIPT_SHA1 = createHash('sha1').update(GCRA_SCRIPT).digest('hex');
