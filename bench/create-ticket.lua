-- Opens a ticket per request, as the customer's "New ticket" form does (a stateless Faces view, so no
-- earlier GET is needed), and counts answers that are not the redirect to the new ticket's page.
-- Set DEPARTMENT in the environment to the customer's department id, BENCH_DIR to this folder.
local boundary = "----marquebench7d1f"
local department = os.getenv("DEPARTMENT") or "0"

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

-- the answer to a ticket opened is the redirect to its page; status.lua counts every other answer
expected_status = 302
dofile((os.getenv("BENCH_DIR") or "bench") .. "/status.lua")
