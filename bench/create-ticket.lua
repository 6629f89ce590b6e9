-- Opens a ticket per request, as the customer's "New ticket" form does (a stateless Faces view, so no
-- earlier GET is needed), and counts answers that are not the redirect to the new ticket's page.
-- Set DEPARTMENT in the environment to the customer's department id.
local boundary = "----marquebench7d1f"
local department = os.getenv("DEPARTMENT") or "0"
local threads = {}

local function part(name, value)
  return "--" .. boundary .. "\r\nContent-Disposition: form-data; name=\"" .. name .. "\"\r\n\r\n" .. value .. "\r\n"
end

wrk.method = "POST"
wrk.headers["Content-Type"] = "multipart/form-data; boundary=" .. boundary
wrk.body = part("ticket", "ticket") .. part("ticket:department", department)
  .. part("ticket:subject", "Benchmark ticket") .. part("ticket:priority", "NORMAL")
  .. part("ticket:related", "") .. part("ticket:body", "The server answers slowly since this morning. Please check.")
  .. "--" .. boundary .. "\r\nContent-Disposition: form-data; name=\"ticket:files\"; filename=\"\"\r\n"
  .. "Content-Type: application/octet-stream\r\n\r\n\r\n"
  .. part("ticket:submit", "Send the ticket") .. part("jakarta.faces.ViewState", "stateless")
  .. "--" .. boundary .. "--\r\n"

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  bad = 0
  first = 0
end

function response(status, headers, body)
  if status ~= 302 then
    bad = bad + 1
    if first == 0 then first = status end
  end
end

function done(summary, latency, requests)
  local n, s = 0, 0
  for _, t in ipairs(threads) do
    n = n + (t:get("bad") or 0)
    local f = t:get("first") or 0
    if s == 0 and f ~= 0 then s = f end
  end
  io.write(string.format("NON200 %d %d\n", n, s))
end
