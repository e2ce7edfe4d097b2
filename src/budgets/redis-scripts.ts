/**
 * Lua run atomically inside Redis: limits are checked and counters changed in one step.
 * Counter: a hash {used, reserved}. Holds: field id of the tenant's `holds` hash, encoded as
 * "@owner|key=amount|key=amount" (owner: the process lease that made it), with its expiry in the
 * `expiry` sorted set. Every key of one call carries the same {tenant} hash tag. Holds of other
 * windows (yesterday's day key, say) are reached by name when reaped: same tenant, same slot.
 * A process whose lease lapsed is fenced in each tenant it worked in (the key
 * `{tenant}:b:fence:<owner>`, set by RECOVER_OWNER for a day): a script asked to hold or write under
 * a fenced owner answers LEASE_LOST and changes nothing. Each such script is given its owner's fence
 * key (a placeholder of the tenant's when it has no owner), so that it stays in the tenant's slot.
 */

const COMMON = `
local function decode(enc)
  local t = {}
  for k, amt in string.gmatch(enc, '([^|=]+)=(%d+)') do t[k] = tonumber(amt) end
  return t
end
local function owner_of(enc)
  return string.match(enc, '^@([^|]*)')
end
local function encode(owner, t)
  local parts = {'@' .. owner}
  for k, amt in pairs(t) do parts[#parts + 1] = k .. '=' .. amt end
  return table.concat(parts, '|')
end
local function fenced(fence, owner)
  return owner ~= '' and redis.call('EXISTS', fence) == 1
end
local function give_back(enc)
  for k, amt in pairs(decode(enc)) do
    if redis.call('EXISTS', k) == 1 then
      if redis.call('HINCRBY', k, 'reserved', -amt) < 0 then redis.call('HSET', k, 'reserved', 0) end
    end
  end
end
local function reap(holds, expiry, now)
  local ids = redis.call('ZRANGEBYSCORE', expiry, '-inf', now, 'LIMIT', 0, 100)
  for _, id in ipairs(ids) do
    local enc = redis.call('HGET', holds, id)
    if enc then give_back(enc); redis.call('HDEL', holds, id) end
    redis.call('ZREM', expiry, id)
  end
end
local function missing(first)
  local out = {}
  for i = first, #KEYS do
    if redis.call('EXISTS', KEYS[i]) == 0 then out[#out + 1] = i - first + 1 end
  end
  return out
end
-- Windows are KEYS[wfirst..]; their limit, amount and ttl are ARGV[afirst..] in threes.
-- mode: 'reserve' (a new hold), 'extend' (grow a live hold), 'force' (grow it past the limit:
-- usage the provider already reported is real and must be held, whatever the limit says).
local function hold(holds, expiry, wfirst, afirst, id, expires_at, mode, owner)
  local current = {}
  if mode ~= 'reserve' then
    local enc = redis.call('HGET', holds, id)
    if not enc then return {'GONE'} end
    current = decode(enc)
  end
  local n = #KEYS - wfirst + 1
  local usage = {}
  for i = 1, n do
    local v = redis.call('HMGET', KEYS[wfirst + i - 1], 'used', 'reserved')
    local used, reserved = tonumber(v[1]) or 0, tonumber(v[2]) or 0
    local at = afirst + (i - 1) * 3
    local limit, amount = tonumber(ARGV[at]), tonumber(ARGV[at + 1])
    if mode ~= 'force' and used + reserved + amount > limit then return {'DENIED', i, used, reserved} end
    usage[i] = {used, reserved + amount}
  end
  local out = {'HELD'}
  for i = 1, n do
    local key, at = KEYS[wfirst + i - 1], afirst + (i - 1) * 3
    local amount = tonumber(ARGV[at + 1])
    redis.call('HINCRBY', key, 'reserved', amount)
    redis.call('EXPIRE', key, tonumber(ARGV[at + 2]))
    current[key] = (current[key] or 0) + amount
    out[#out + 1] = usage[i][1]
    out[#out + 1] = usage[i][2]
  end
  redis.call('HSET', holds, id, encode(owner, current))
  redis.call('ZADD', expiry, expires_at, id)
  return out
end
`;

/**
 * A new call's admission in one round trip: missing counters first (so that a retry after they
 * are rebuilt is the same request: nothing was counted), then the caller's request rate, then the
 * run it continues (a client-side tool loop), then the response cache, then the hold.
 * KEYS: holds, expiry, rate key, cache key, ledger stream, run, run seen, owner's fence, window…
 * ARGV: now, id, expiresAt, rate limit (0: none), rate window seconds, the hit's ledger entry
 * ('' : no cache probe), run scope ('' : no run), run record id, run ttl ms, max tool calls, max
 * tokens, max cost, max duration ms, owner ('' : none), then limit, amount, ttl per window.
 * A run is one hash (scope, started, in, out, cached, cost, toolCalls, calls, record, ended),
 * changed only here and by SETTLE; a run id seen once is remembered for a day, so that an expired
 * one is refused rather than started afresh. On a fresh hit the entry is filled in with the cached
 * answer's facts (as `fillHit` does in TypeScript) and appended to the ledger stream; nothing is held.
 */
export const GATE = `${COMMON}
local holds, expiry = KEYS[1], KEYS[2]
local now = tonumber(ARGV[1])
if fenced(KEYS[8], ARGV[14]) then return {'LEASE_LOST'} end
reap(holds, expiry, now)
local lost = missing(9)
if #lost > 0 then return {'SEED', lost} end
local rate_limit = tonumber(ARGV[4])
if rate_limit > 0 then
  local n = redis.call('INCR', KEYS[3])
  if n == 1 then redis.call('EXPIRE', KEYS[3], tonumber(ARGV[5])) end
  if n > rate_limit then return {'RATE_LIMITED'} end
end
local span, record = '', nil
if ARGV[7] ~= '' then
  local f = {'scope', 'started', 'in', 'out', 'cached', 'cost', 'toolCalls', 'calls', 'record', 'ended'}
  local v = redis.call('HMGET', KEYS[6], unpack(f))
  if not v[1] then
    if redis.call('EXISTS', KEYS[7]) == 1 then return {'RUN_REFUSED', 'EXPIRED', ''} end
    v = {ARGV[7], tostring(now), '0', '0', '0', '0', '0', '0', ARGV[8], ''}
    local fields = {}
    for i, name in ipairs(f) do fields[#fields + 1] = name; fields[#fields + 1] = v[i] end
    redis.call('HSET', KEYS[6], unpack(fields))
    redis.call('PEXPIRE', KEYS[6], tonumber(ARGV[9]))
    redis.call('SET', KEYS[7], '1', 'EX', 86400)
  end
  if v[1] ~= ARGV[7] then return {'RUN_REFUSED', 'FOREIGN', ''} end
  record = v[9]
  span = cjson.encode({started = tonumber(v[2]), inputTokens = tonumber(v[3]), outputTokens = tonumber(v[4]),
    cachedInputTokens = tonumber(v[5]), costMicros = tonumber(v[6]), toolCalls = tonumber(v[7]), calls = tonumber(v[8]), record = record})
  local stop = v[10]
  if stop == '' then
    if tonumber(v[7]) > tonumber(ARGV[10]) then stop = 'TOOL_CALLS'
    elseif tonumber(v[3]) + tonumber(v[4]) >= tonumber(ARGV[11]) then stop = 'TOKENS'
    elseif tonumber(v[6]) >= tonumber(ARGV[12]) then stop = 'COST'
    elseif now - tonumber(v[2]) >= tonumber(ARGV[13]) then stop = 'DURATION' end
  end
  if stop ~= '' then return {'RUN_REFUSED', stop, span} end
end
if ARGV[6] ~= '' then
  local raw = redis.call('GET', KEYS[4])
  local answer = raw and cjson.decode(raw)
  if answer and tonumber(answer.expiresAt) > now then
    local entry = cjson.decode(ARGV[6])
    local run = entry.run
    run.savedCostMicros = answer.costMicros
    run.route.reason = 'response cache hit (run ' .. answer.runId .. ')'
    if type(run.transcript) == 'table' then run.transcript.output = answer.output end
    for _, e in ipairs(entry.events) do
      e.modelId = answer.modelId
      e.savedCostMicros = answer.costMicros
    end
    -- A hit inside a run is one of its calls.
    if record then
      run.id = record
      -- Only a run's first call opens it in usage reports.
      local first = redis.call('HINCRBY', KEYS[6], 'calls', 1) == 1
      for _, e in ipairs(entry.events) do
        e.runId = record
        e.opensRun = first
      end
    end
    local encoded = cjson.encode(entry)
    return {'HIT', span, raw, encoded, redis.call('XADD', KEYS[5], '*', 'e', encoded, 'o', ARGV[14])}
  end
end
local out = hold(holds, expiry, 9, 15, ARGV[2], tonumber(ARGV[3]), 'reserve', ARGV[14])
table.insert(out, 2, span)
return out
`;

/**
 * KEYS: holds, expiry, owner's fence, window…
 * ARGV: now, id, expiresAt, mode, owner, then limit, amount, ttl per window.
 */
export const HOLD = `${COMMON}
if fenced(KEYS[3], ARGV[5]) then return {'LEASE_LOST'} end
reap(KEYS[1], KEYS[2], tonumber(ARGV[1]))
local lost = missing(4)
if #lost > 0 then return {'SEED', lost} end
return hold(KEYS[1], KEYS[2], 4, 6, ARGV[2], tonumber(ARGV[3]), ARGV[4], ARGV[5])
`;

/**
 * KEYS: holds, expiry, ledger stream, settled marker, idempotency claim, run, owner's fence, window…
 * ARGV: id, entry json, marker ttl, claim record ('' : none), claim ttl, run ('' : none, else '1'),
 * the call's input, output, cached tokens, cost and tool calls, how the run ended ('' : it goes
 * on), owner ('' : none), then charge and ttl per window.
 * A hold already given back (its owner was recovered while this process was paused) is not given
 * back twice: the call's usage is real, so it is charged all the same.
 * The ledger entry is appended, a claimed idempotency key marked done with its answer, and a run's
 * totals grown by this call, in the same atomic step as the counters move: a run is charged
 * exactly when its retry would replay, and its breakers see every call.
 */
export const SETTLE = `${COMMON}
local holds, expiry, stream, marker, claim, run = KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5], KEYS[6]
local id, entry, marker_ttl = ARGV[1], ARGV[2], tonumber(ARGV[3])
if redis.call('EXISTS', marker) == 1 then return {'DUPLICATE'} end
if fenced(KEYS[7], ARGV[13]) then return {'LEASE_LOST'} end
local lost = missing(8)
if #lost > 0 then return {'SEED', lost} end
local enc = redis.call('HGET', holds, id)
if enc then
  give_back(enc)
  redis.call('HDEL', holds, id)
  redis.call('ZREM', expiry, id)
end
for i = 1, #KEYS - 7 do
  local key = KEYS[i + 7]
  redis.call('HINCRBY', key, 'used', tonumber(ARGV[12 + i * 2]))
  redis.call('EXPIRE', key, tonumber(ARGV[13 + i * 2]))
end
local appended = redis.call('XADD', stream, '*', 'e', entry, 'o', ARGV[13])
redis.call('SET', marker, '1', 'EX', marker_ttl)
if ARGV[4] ~= '' then redis.call('SET', claim, ARGV[4], 'EX', tonumber(ARGV[5])) end
if ARGV[6] ~= '' and redis.call('EXISTS', run) == 1 then
  redis.call('HINCRBY', run, 'in', tonumber(ARGV[7]))
  redis.call('HINCRBY', run, 'out', tonumber(ARGV[8]))
  redis.call('HINCRBY', run, 'cached', tonumber(ARGV[9]))
  redis.call('HINCRBY', run, 'cost', tonumber(ARGV[10]))
  redis.call('HINCRBY', run, 'toolCalls', tonumber(ARGV[11]))
  redis.call('HINCRBY', run, 'calls', 1)
  if ARGV[12] ~= '' then redis.call('HSET', run, 'ended', ARGV[12]) end
end
return {'SETTLED', appended}
`;

/**
 * An idempotency key's claim. KEYS: claim, the tenant's "claims known" marker.
 * ARGV: the running record, its ttl. Without the marker (Redis lost its data, or never had this
 * tenant's claims) the caller first restores the charged runs of the last day from Postgres.
 */
export const CLAIM = `
if redis.call('EXISTS', KEYS[2]) == 0 then return {'REBUILD'} end
local existing = redis.call('GET', KEYS[1])
if existing then return {'TAKEN', existing} end
redis.call('SET', KEYS[1], ARGV[1], 'EX', tonumber(ARGV[2]))
return {'CLAIMED'}
`;

/** KEYS: claim.  ARGV: run id.  Forgets a claim that did not charge, if it is still that run's. */
export const UNCLAIM = `
local existing = redis.call('GET', KEYS[1])
if existing and cjson.decode(existing).runId == ARGV[1] then redis.call('DEL', KEYS[1]) end
return 1
`;

/**
 * KEYS: the "claims known" marker, then a claim per record.  ARGV: marker ttl, then record and
 * ttl per claim. Restores charged runs (never over a newer claim), then sets the marker.
 */
export const RESTORE_CLAIMS = `
for i = 2, #KEYS do
  redis.call('SET', KEYS[i], ARGV[i * 2 - 2], 'EX', tonumber(ARGV[i * 2 - 1]), 'NX')
end
redis.call('SET', KEYS[1], '1', 'EX', tonumber(ARGV[1]))
return 1
`;

/** KEYS: stream, owner's fence.  ARGV: owner, entry.  An entry that moves no counter, under a live owner. */
export const APPEND = `${COMMON}
if fenced(KEYS[2], ARGV[1]) then return {'LEASE_LOST'} end
return {'APPENDED', redis.call('XADD', KEYS[1], '*', 'e', ARGV[2], 'o', ARGV[1])}
`;

/**
 * KEYS: holds, expiry, the owner's fence.  ARGV: owner, how long the fence is kept (seconds).
 * A stopped process's holds in this tenant, given back at once (each deleted as it is: a second
 * call gives back nothing), and its id fenced here in the same step: a hold or settle under it
 * afterwards answers LEASE_LOST. Answers how many holds were given back.
 */
export const RECOVER_OWNER = `${COMMON}
local holds, expiry, owner = KEYS[1], KEYS[2], ARGV[1]
local released = 0
local all = redis.call('HGETALL', holds)
for i = 1, #all, 2 do
  local id, enc = all[i], all[i + 1]
  if owner_of(enc) == owner then
    give_back(enc)
    redis.call('HDEL', holds, id)
    redis.call('ZREM', expiry, id)
    released = released + 1
  end
end
redis.call('SET', KEYS[3], '1', 'EX', tonumber(ARGV[2]))
return released
`;

/** KEYS: holds, expiry.  ARGV: id. */
export const RELEASE = `${COMMON}
local enc = redis.call('HGET', KEYS[1], ARGV[1])
if enc then give_back(enc); redis.call('HDEL', KEYS[1], ARGV[1]) end
redis.call('ZREM', KEYS[2], ARGV[1])
return 1
`;

/** KEYS: holds, expiry, window…  ARGV: now.  Reaps expired holds, then reads. */
export const READ = `${COMMON}
reap(KEYS[1], KEYS[2], tonumber(ARGV[1]))
local lost = missing(3)
if #lost > 0 then return {'SEED', lost} end
local out = {'OK'}
for i = 3, #KEYS do
  local v = redis.call('HMGET', KEYS[i], 'used', 'reserved')
  out[#out + 1] = tonumber(v[1]) or 0
  out[#out + 1] = tonumber(v[2]) or 0
end
return out
`;

/** KEYS: rate key.  ARGV: window seconds.  The request's number in its window. */
export const RATE = `
local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('EXPIRE', KEYS[1], tonumber(ARGV[1])) end
return n
`;

/** KEYS: window.  ARGV: used, ttl.  Only a missing counter is created. */
export const SEED = `
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
redis.call('HSET', KEYS[1], 'used', ARGV[1], 'reserved', 0)
redis.call('EXPIRE', KEYS[1], ARGV[2])
return 1
`;
