-- Takes one token from each bucket (KEYS), or from none if one is empty. ARGV: each bucket's size and rate per
-- second, in KEYS' order. Returns 1 or 0, then each bucket's tokens afterwards (as text: Lua numbers are not
-- integers). Redis's own clock, so that replicas agree; a bucket's key lives as long as it takes to fill up.
local now = redis.call('TIME')
local micros = tonumber(now[1]) * 1000000 + tonumber(now[2])
local levels = {}
local admitted = 1
for i, key in ipairs(KEYS) do
  local size = tonumber(ARGV[2 * i - 1])
  local rate = tonumber(ARGV[2 * i]) / 1000000
  local held = redis.call('HMGET', key, 'tokens', 'at')
  local tokens = tonumber(held[1])
  local at = tonumber(held[2])
  if tokens == nil or at == nil then
    tokens = size
    at = micros
  end
  tokens = math.min(size, tokens + math.max(0, micros - at) * rate)
  levels[i] = tokens
  if tokens < 1 then admitted = 0 end
end
local reply = { admitted }
for i, key in ipairs(KEYS) do
  local size = tonumber(ARGV[2 * i - 1])
  local rate = tonumber(ARGV[2 * i]) / 1000000
  if admitted == 1 then levels[i] = levels[i] - 1 end
  redis.call('HSET', key, 'tokens', string.format('%.6f', levels[i]), 'at', string.format('%.0f', micros))
  redis.call('PEXPIRE', key, math.ceil((size - levels[i]) / rate / 1000) + 1000)
  reply[i + 1] = string.format('%.6f', levels[i])
end
return reply
