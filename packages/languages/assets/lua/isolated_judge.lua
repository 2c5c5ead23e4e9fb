-- passk's isolated judge for MultiPL-E Lua programs: the benchmark's tests run in this process
-- (A), the candidate's code in another (B, `isolated_candidate.lua`) that never sees the tests.
--
--   sh isolated-judge.sh <lua> isolated_judge.lua <file> <timeout in ms>
--   (which execs `<copy of lua> isolated_judge.lua <file> <timeout> <lua> <private dir>`)
--
-- MultiPL-E runs `prompt + completion + tests` in one process and takes exit code 0 as a pass,
-- so a program can replace luaunit's assertEquals or the whole module in package.loaded, print
-- luaunit's summary and passk's sentinel and leave, or read the expected values from its own
-- file or the caller's line. Here:
--
-- - A is non-dumpable: `isolated-judge.sh` started it from an execute-only copy of the
--   interpreter (stock Lua has no FFI for prctl; see the wrapper), so no other process of the
--   same user can ptrace it, read its memory or open its descriptors through /proc. A loads its
--   own luaunit first, from the system's directories only (never `./?.lua`).
-- - A reads <file> and splits it at the benchmark's tests: the last line
--   `lu = require('luaunit')` (or `local lu = …`), followed by `function test_humaneval()` and
--   `local candidate = <entry>`, ending with `os.exit(lu.LuaUnit.run())`. Without such a split
--   the program is judged by the reference rule alone (`strict` is null) and the file is left
--   as it was.
-- - <file> is rewritten with the candidate part only (the prompt and the completion: the same
--   path and lines as in the reference run), and B starts under `setsid` (a process group of
--   its own, its parent a shell, not A), stdin, stdout and stderr on /dev/null, descriptors 3
--   (A's calls) and 4 (its answers: two FIFOs in A's private directory) as its only channel.
--   No descriptor of A's reaches B: A opens the FIFOs after B's shell is started, and every
--   command A starts sends its output to /dev/null first. A watchdog kills B's group when
--   <timeout> has passed.
-- - The tests run in A, in an environment of their own over A's globals where <entry> is a
--   function of A's that calls B: arguments and results cross as plain data
--   (`isolated_plain_data.lua`), so assertEquals (luaunit's own deep comparison) runs on A's
--   values with A's luaunit, which B cannot reach. A calls `test_humaneval` itself instead of
--   `os.exit(lu.LuaUnit.run())`: a luaunit failure is `failed`, any other error
--   `runtime_error`.
-- - When the tests are done, B's process group and the watchdog are killed, what B left in the
--   work directory is removed and <file> is written back as it was (the judge leaves the work
--   directory as it found it). This judge runs after the reference run, in a fresh work area
--   (passk's `Step.freshFiles`: the program's files only, an empty /tmp), so nothing the
--   reference run left, such as a copy of the tests, is there for B to read.
-- - A's stdout carries exactly one line, `__passk_lua_verdict__ {"strict": {"status", "detail"} | null}`,
--   written by A alone. A exits 0 whenever it could judge.
local VERDICT_MARK = '__passk_lua_verdict__ '
local FIFO_CALLS, FIFO_ANSWERS, TIMED_OUT = 'calls', 'answers', 'timed-out'

local out, stderr = io.stdout, io.stderr
local file, timeoutMs, lua, dir = arg[1], tonumber(arg[2]) or 10000, arg[3], arg[4]
local here = arg[0]:match('^(.*)/')
local plain = dofile(here .. '/isolated_plain_data.lua')
local CANDIDATE = here .. '/isolated_candidate.lua'

-- The copy of the interpreter A runs from is no longer needed; its directory stays, private.
os.remove(dir .. '/lua')

-- A's own luaunit, from the system's directories only, before any code of the program runs.
local function absoluteOnly(path)
  local kept = {}
  for entry in path:gmatch('[^;]+') do
    if entry:sub(1, 1) == '/' then kept[#kept + 1] = entry end
  end
  return table.concat(kept, ';')
end
package.path, package.cpath = absoluteOnly(package.path), absoluteOnly(package.cpath)
local luaunit = require('luaunit')

--- `text` quoted for /bin/sh.
local function quote(text)
  return "'" .. text:gsub("'", "'\\''") .. "'"
end

--- Runs `command` with no descriptor of A's but stderr: its stdout, stdin on /dev/null.
local function shell(command)
  return os.execute('exec </dev/null >/dev/null; ' .. command)
end

--- The lines `command` prints (its stdin and stderr on /dev/null).
local function lines(command)
  local pipe = io.popen('exec </dev/null 2>/dev/null; ' .. command, 'r')
  local text = pipe:read('a')
  pipe:close()
  return text
end

local function outcome(status, detail)
  return { status = status, detail = tostring(detail):sub(1, 300) }
end

--- [candidate part, tests without luaunit's run, entry point], or nil.
local function split(source)
  local at
  local position = 1
  while true do
    local s, e = source:find("\n[ \t]*local lu = require%('luaunit'%)[ \t]*\n", position)
    local t, f = source:find("\n[ \t]*lu = require%('luaunit'%)[ \t]*\n", position)
    if t ~= nil and (s == nil or t < s) then s, e = t, f end
    if s == nil then break end
    at, position = s + 1, e
  end
  if at == nil then return nil end
  local tests = source:sub(at)
  local body = tests:match("^[^\n]*\n%s*(function test_humaneval%(%)\n.*\nend)%s*\n%s*os%.exit%(lu%.LuaUnit%.run%(%)%)%s*$")
  local entry = body and body:match('^function test_humaneval%(%)\n%s*local candidate = ([%a_][%w_]*)%s*\n')
  if entry == nil then return nil end
  return source:sub(1, at - 1), tests:match('^[^\n]*\n') .. body, entry
end

local Timeout, Gone = {}, {}

--- Raises the error object `kind` with `detail`.
local function stop(kind, detail)
  error({ passkStop = kind, detail = detail }, 0)
end

local channel = {}

--- B's next frame, within the deadline (the watchdog kills B at it, which ends the frame).
local function receive()
  local ok, payload = pcall(plain.readFrame, channel.answers)
  if not ok then stop(Gone, 'a malformed answer') end
  if payload == nil then
    if io.open(dir .. '/' .. TIMED_OUT, 'rb') then stop(Timeout, 'the tests timed out') end
    stop(Gone, "the program's process ended")
  end
  return payload
end

--- The entry point's call in B: the tests' `candidate(...)` lands here.
local function call(...)
  if not plain.writeFrame(channel.calls, plain.encodeValues(...)) then
    stop(Gone, "the program's process ended")
  end
  local reply = receive()
  local tag = reply:sub(1, 1)
  if tag == 'X' then stop('raised', 'the program raised ' .. reply:sub(2)) end
  if tag ~= 'V' then stop(Gone, 'a malformed answer') end
  local ok, values, count = pcall(plain.decodeValues, reply, 2)
  if not ok then stop(Gone, 'a malformed answer') end
  return table.unpack(values, 1, count)
end

--- Starts B and its watchdog; opens the channel.
local function startCandidate(entry)
  local calls, answers = dir .. '/' .. FIFO_CALLS, dir .. '/' .. FIFO_ANSWERS
  local seconds = string.format('%.3f', timeoutMs / 1000)
  local pids = lines(table.concat({
    'mkfifo -m 600', quote(calls), quote(answers), '|| exit 1;',
    'setsid sh -c', quote('exec 3<"$0" 4>"$1"; exec "$2" "$3" "$4" "$5"'),
    quote(calls), quote(answers), quote(lua), quote(CANDIDATE), quote(file), quote(entry),
    '>/dev/null &',
    'b=$!;',
    'setsid sh -c', quote('sleep "$0"; : > "$1"; kill -9 -"$2"'),
    seconds, quote(dir .. '/' .. TIMED_OUT), '"$b" >/dev/null &',
    'echo "$b $!"',
  }, ' '))
  channel.group, channel.watchdog = pids:match('^(%d+) (%d+)')
  if channel.group == nil then stop(Gone, 'not started') end
  channel.calls = io.open(calls, 'wb')
  channel.answers = io.open(answers, 'rb')
  if channel.calls == nil or channel.answers == nil then stop(Gone, 'no channel') end
end

--- Kills B's group and the watchdog; returns the names then in the work directory (one per
--- line; a name with a newline is skipped).
local function stopCandidate()
  for _, stream in ipairs({ channel.calls, channel.answers }) do
    pcall(stream.close, stream)
  end
  channel.calls, channel.answers = nil, nil
  local groups = {}
  for _, pid in ipairs({ channel.group, channel.watchdog }) do
    if pid then groups[#groups + 1] = '-' .. pid end
  end
  channel.group, channel.watchdog = nil, nil
  local kill = #groups > 0 and 'kill -9 ' .. table.concat(groups, ' ') .. '; ' or ''
  local names = {}
  for name in lines(kill .. 'ls -A'):gmatch('[^\n]+') do names[name] = true end
  return names
end

local function runTests(tests, entry, ready)
  local environment = setmetatable({}, { __index = _G })
  if ready == 't' then environment[entry] = call end
  local chunk, problem = load(tests, '=tests', 't', environment)
  if chunk == nil then return outcome('runtime_error', problem) end
  local ok, err = pcall(chunk)
  if ok and type(environment.test_humaneval) ~= 'function' then return nil end
  if ok then ok, err = pcall(environment.test_humaneval) end
  if ok then return outcome('passed', 'passed') end
  if type(err) == 'table' and err.passkStop == Timeout then return outcome('timeout', err.detail) end
  if type(err) == 'table' and err.passkStop == Gone then
    return outcome('runtime_error', "the program's process ended or broke the protocol (" .. err.detail .. ')')
  end
  if type(err) == 'table' and err.passkStop then return outcome('runtime_error', err.detail) end
  local text = tostring(err)
  if text:find(luaunit.FAILURE_PREFIX, 1, true) then return outcome('failed', text) end
  return outcome('runtime_error', text)
end

--- The tests' outcome, or nil when the program has no test part to split off.
local function judge()
  local handle = io.open(file, 'rb')
  if handle == nil then return nil end
  local source = handle:read('a')
  handle:close()
  local candidate, tests, entry = split(source)
  if candidate == nil then return nil end
  local kept = {}
  for name in lines('ls -A'):gmatch('[^\n]+') do kept[name] = true end
  local restore = function()
    local left = {}
    for name in pairs(stopCandidate()) do
      if not kept[name] then left[#left + 1] = quote(name) end
    end
    if not os.remove(file) then left[#left + 1] = quote(file) end
    if #left > 0 then shell('rm -rf -- ' .. table.concat(left, ' ')) end
    local written = io.open(file, 'wb')
    written:write(source)
    written:close()
  end
  local ok, result = pcall(function()
    os.remove(file)
    local rewritten = assert(io.open(file, 'wb'))
    rewritten:write(candidate)
    rewritten:close()
    startCandidate(entry)
    local ready = receive()
    local tag = ready:sub(1, 1)
    if tag == 'X' then
      return outcome('runtime_error', "the program's code did not run apart from its tests: " .. ready:sub(2))
    end
    if tag ~= 'R' then stop(Gone, 'a malformed answer') end
    -- Whatever the tests write (passk's sentinel) goes nowhere: stdout is the verdict's.
    io.output('/dev/null')
    return runTests(tests, entry, ready:sub(2, 2))
  end)
  restore()
  if ok then return result end
  if type(result) == 'table' and result.passkStop == Timeout then return outcome('timeout', result.detail) end
  if type(result) == 'table' and result.passkStop then
    return outcome('runtime_error', "the program's process ended or broke the protocol (" .. result.detail .. ')')
  end
  return outcome('runtime_error', 'the isolated judge stopped: ' .. tostring(result))
end

--- `text` as a JSON string, ASCII only (other bytes as \u00XX).
local function json(text)
  return '"' .. text:gsub('[%c"\\\128-\255]', function(byte)
    if byte == '"' or byte == '\\' then return '\\' .. byte end
    return string.format('\\u%04x', byte:byte())
  end) .. '"'
end

local ok, strict = pcall(judge)
if not ok then strict = outcome('runtime_error', 'the isolated judge stopped: ' .. tostring(strict)) end
for _, name in ipairs({ FIFO_CALLS, FIFO_ANSWERS, TIMED_OUT }) do
  os.remove(dir .. '/' .. name)
end
os.remove(dir)
local body = strict == nil and 'null'
  or '{"status":' .. json(strict.status) .. ',"detail":' .. json(strict.detail) .. '}'
out:write('\n' .. VERDICT_MARK .. '{"strict":' .. body .. '}\n')
out:flush()
os.exit(0, true)
