-- POST /api/v1/customers with a body of its own per request (a new address each time) and a fresh
-- Idempotency-Key, the key from API_KEY; counts answers that are not 201 (status.lua). Unique across
-- wrk's threads and runs: the thread's number, the second this thread started and a counter.
local key = os.getenv("API_KEY") or ""
local counter = 0
local tag = "x"

expected_status = 201
dofile((os.getenv("BENCH_DIR") or "bench") .. "/status.lua")

local base_setup, base_init = setup, init
local next_id = 0

function setup(thread)
  next_id = next_id + 1
  thread:set("thread_id", next_id)
  base_setup(thread)
end

function init(args)
  base_init(args)
  tag = string.format("%d-%d", os.time(), thread_id or 0)
end

function request()
  counter = counter + 1
  local id = tag .. "-" .. counter
  local body = string.format('{"name":"Bench Customer %s","company":"Bench %s","email":"bench-%s@api-bench.example"}',
    id, id, id)
  return wrk.format("POST", nil, {
    ["Authorization"] = "Bearer " .. key,
    ["Content-Type"] = "application/json",
    ["Accept"] = "application/json",
    ["Idempotency-Key"] = "bench-" .. id,
  }, body)
end
