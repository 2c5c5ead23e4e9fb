-- passk's isolated Lua judge, process B: the candidate's part of a MultiPL-E Lua program (the
-- prompt and the completion), without the benchmark's tests. Started by `isolated_judge.lua`
-- (A) as `lua isolated_candidate.lua <file> <entry>`, with descriptor 3 (A's calls) and 4 (its
-- answers) as its only channel; stdin, stdout and stderr are /dev/null. <file> holds only the
-- candidate part; B runs it as the main chunk of `lua <file>` (chunk name `@<file>`, `arg` as
-- `lua <file>` sets it), followed by `return <entry>`: the name the tests' `local candidate =
-- <entry>` reads, resolved at the same place (a local of the chunk, or a global). Then B serves
-- calls, one frame each way (`isolated_plain_data.lua`):
--
--   B → A  'R' + 't' | 'f'             the chunk ran; whether <entry> names a value
--          'X' + message               the chunk raised an error
--   A → B  the arguments (plain data)  call <entry> with them
--   B → A  'V' + the results           | 'X' + message: the call raised an error
--
-- What B answers is the candidate's answer, whatever the candidate does to B: A reads plain
-- data only, so no table, metatable or function of B's reaches the tests.
local plain = dofile(arg[0]:match('^(.*)/') .. '/isolated_plain_data.lua')
local io_open, load, pcall, tostring, type, sub = io.open, load, pcall, tostring, type, string.sub
local tunpack, exit = table.unpack, os.exit

local file, entry = arg[1], arg[2]
local calls = io_open('/dev/fd/3', 'rb')
local answers = io_open('/dev/fd/4', 'wb')
if calls == nil or answers == nil then exit(3, true) end

--- `err` as a short text (its __tostring may raise: that is the candidate's own).
local function describe(err)
  local ok, text = pcall(tostring, err)
  if not ok or type(text) ~= 'string' then text = 'an error (' .. type(err) .. ')' end
  return sub(text, 1, 500)
end

local function send(payload)
  if not plain.writeFrame(answers, payload) then exit(4, true) end
end

local function run()
  local source = io_open(file, 'rb')
  if source == nil then return false, 'cannot read ' .. tostring(file) end
  local text = source:read('a')
  source:close()
  local chunk, problem = load(text .. '\nreturn ' .. entry, '@' .. file, 't')
  if chunk == nil then return false, problem end
  arg = { [-1] = arg[-1], [0] = file }
  return pcall(chunk)
end

local ran, target = run()
if not ran then
  send('X' .. describe(target))
  exit(0, true)
end
send('R' .. (target ~= nil and 't' or 'f'))

while true do
  local ok, payload = pcall(plain.readFrame, calls)
  if not ok or payload == nil then exit(0, true) end
  local decoded, args, count = pcall(plain.decodeValues, payload, 1)
  if not decoded then exit(5, true) end
  local results = table.pack(pcall(target, tunpack(args, 1, count)))
  local reply
  if results[1] then
    local encoded, values = pcall(plain.encodeValues, tunpack(results, 2, results.n))
    reply = encoded and 'V' .. values or 'X' .. describe(values)
  else
    reply = 'X' .. describe(results[2])
  end
  send(reply)
end
