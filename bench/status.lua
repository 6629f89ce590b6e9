-- Counts responses whose status is not the expected one (200, or the global `expected_status` a
-- script sets before loading this one), over all of wrk's threads, and prints the count as
-- "NON200 <n> <first status seen>" when the run is over. bench/run.sh and bench/tickets.sh read that
-- line: wrk's own "Non-2xx or 3xx responses" does not count a redirect (to /login, say) as a failure.
local threads = {}
local expected = expected_status or 200

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  non200 = 0
  first = 0
end

function response(status, headers, body)
  if status ~= expected then
    non200 = non200 + 1
    if first == 0 then first = status end
  end
end

function done(summary, latency, requests)
  local n, s = 0, 0
  for _, t in ipairs(threads) do
    n = n + (t:get("non200") or 0)
    local f = t:get("first") or 0
    if s == 0 and f ~= 0 then s = f end
  end
  io.write(string.format("NON200 %d %d\n", n, s))
end
