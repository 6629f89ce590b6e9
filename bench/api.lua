-- One API request per call: the key in the environment's API_KEY (none when unset) as a bearer token,
-- and the status EXPECTED (200 when unset) counted by status.lua. BENCH_DIR is this folder.
local key = os.getenv("API_KEY")
if key and key ~= "" then
  wrk.headers["Authorization"] = "Bearer " .. key
end
wrk.headers["Accept"] = "application/json"
expected_status = tonumber(os.getenv("EXPECTED") or "200")
dofile((os.getenv("BENCH_DIR") or "bench") .. "/status.lua")
