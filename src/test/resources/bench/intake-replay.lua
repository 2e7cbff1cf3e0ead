-- The benchmark's intake generator for wrk (README "Performance", section 1): each wrk thread replays its own
-- slice of pre-signed, pre-encrypted webhook requests, each exactly once, so every request is a distinct event.
-- init(args): the last argument is the directory holding slice-<thread>.tsv, one request a line:
--   timestamp TAB nonce TAB signature TAB body
-- Once a thread has sent its whole slice its connections go idle (delay() holds them), and when the last answer
-- is in it prints "hirebot-wrk slice-done" and stops; done() prints one "hirebot-wrk result {json}" line.
local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_usec; } hirebot_timeval;
  int gettimeofday(hirebot_timeval *tv, void *tz);
  long sysconf(int name);
]]
local tv = ffi.new("hirebot_timeval")
local function now_us()
  ffi.C.gettimeofday(tv, nil)
  return tonumber(tv.tv_sec) * 1000000 + tonumber(tv.tv_usec)
end

-- setup() and done() run in the main environment: the threads, to read their counters at the end.
local threads = {}
local thread_count = 0

function setup(thread)
  thread:set("slice", thread_count)
  thread_count = thread_count + 1
  table.insert(threads, thread)
end

-- Per-thread environment.
prepared = {}
check = nil
events = 0
reserved = 0
sent = 0
acked = 0
rejected = 0
first_us = 0
last_us = 0

function init(args)
  local file = assert(io.open(args[#args] .. "/slice-" .. slice .. ".tsv", "r"))
  for line in file:lines() do
    local ts, nonce, signature, body = line:match("^([^\t]*)\t([^\t]*)\t([^\t]*)\t(.*)$")
    events = events + 1
    -- Formatted once here: request() only hands out the next string.
    prepared[events] = wrk.format("POST", nil, {
      ["Content-Type"] = "application/json; charset=utf-8",
      ["X-Lark-Request-Timestamp"] = ts,
      ["X-Lark-Request-Nonce"] = nonce,
      ["X-Lark-Signature"] = signature,
    }, body)
  end
  file:close()
  check = prepared[1]
end

-- Called before each request of a connection: a connection whose next event does not exist waits "forever"
-- (until the thread stops), so no event is sent twice and no filler request is sent at all.
function delay()
  if reserved >= events then
    return 3600000
  end
  reserved = reserved + 1
  return 0
end

function request()
  if sent == reserved then
    -- Called without a delay() first: wrk checking the script before the run (show, don't spend), or wrk
    -- reconnecting after a socket error and resending; that resend is the first event again, which the bot
    -- acknowledges as a duplicate, so the run's duplicate count shows it.
    return check
  end
  sent = sent + 1
  if sent == 1 then
    first_us = now_us()
  end
  local r = prepared[sent]
  prepared[sent] = nil
  return r
end

function response(status, headers, body)
  last_us = now_us()
  if status == 200 then
    acked = acked + 1
  else
    rejected = rejected + 1
  end
  if acked + rejected == events then
    io.write("hirebot-wrk slice-done " .. slice .. "\n")
    io.flush()
    wrk.thread:stop()
  end
end

-- wrk's own CPU time so far (user + system), in microseconds: the generator's cost per request.
local function cpu_us()
  local f = io.open("/proc/self/stat", "r")
  if not f then
    return -1
  end
  local stat = f:read("*a")
  f:close()
  local after = stat:sub(stat:find(")", 1, true) + 2)
  local fields = {}
  for x in after:gmatch("%S+") do
    fields[#fields + 1] = x
  end
  local ticks = tonumber(fields[12]) + tonumber(fields[13]) -- utime, stime: fields 14 and 15 of the line
  return ticks * 1000000 / tonumber(ffi.C.sysconf(2)) -- _SC_CLK_TCK
end

function done(summary, latency, requests)
  local t = { events = 0, sent = 0, acked = 0, rejected = 0, first = 0, last = 0 }
  for _, thread in ipairs(threads) do
    t.events = t.events + thread:get("events")
    t.sent = t.sent + thread:get("sent")
    t.acked = t.acked + thread:get("acked")
    t.rejected = t.rejected + thread:get("rejected")
    local first, last = thread:get("first_us"), thread:get("last_us")
    if first > 0 and (t.first == 0 or first < t.first) then
      t.first = first
    end
    if last > t.last then
      t.last = last
    end
  end
  local e = summary.errors
  io.write(string.format("hirebot-wrk result {\"threads\":%d,\"events\":%d,\"sent\":%d,\"acked\":%d,"
      .. "\"rejected\":%d,\"first_us\":%.0f,\"last_us\":%.0f,\"completed\":%d,\"p50_us\":%.0f,\"p90_us\":%.0f,"
      .. "\"p99_us\":%.0f,\"p999_us\":%.0f,"
      .. "\"max_us\":%.0f,\"errors\":{\"connect\":%d,\"read\":%d,\"write\":%d,\"status\":%d,\"timeout\":%d},"
      .. "\"cpu_us\":%.0f}\n",
      thread_count, t.events, t.sent, t.acked, t.rejected, t.first, t.last, summary.requests,
      latency:percentile(50), latency:percentile(90), latency:percentile(99), latency:percentile(99.9), latency.max,
      e.connect, e.read, e.write, e.status, e.timeout, cpu_us()))
  io.flush()
end
