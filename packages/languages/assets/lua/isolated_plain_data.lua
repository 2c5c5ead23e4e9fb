-- passk's isolated Lua judge: the plain-data form in which values cross between the judge (A,
-- `isolated_judge.lua`) and the candidate's process (B, `isolated_candidate.lua`), and the
-- frames that carry it. Only plain values cross, each tagged with its type:
--
--   nil 'n'   true 't'   false 'f'
--   integer   'i' + 8 bytes (math.type 'integer')    float 'd' + the IEEE double's 8 bytes
--             (bit for bit: -0.0, NaN, ±inf)
--   string    's' + its bytes (length-prefixed: any byte, embedded zeros too)
--   table     'T' + its border N (rawlen) + the values 1..N (nil holes too) + the other
--             key/value pairs + 'E'; rebuilt with its array part of size N (as a constructor
--             `{a, nil, c}` has it), so `#t` reads the same on both sides. Read raw (`next`,
--             `rawlen`): its metatable stays behind, so no __eq, __index, __pairs or __len of
--             the sender's code crosses, and the contents arrive as luaunit's deep comparison
--             sees an honest table's contents.
--   anything else (function, userdata, thread, a table nested deeper than MAX_DEPTH)
--             'o' + its type: an opaque value (a coroutine of the receiver's), equal only to
--             itself, never to an expected value.
--
-- A frame is the payload's length (4 bytes, little-endian) then the payload. The functions of
-- the standard library are taken when this file is loaded, before any candidate code runs, so
-- that what the candidate does to its globals does not change how its values are written.
local type, next, rawget, rawlen, rawset, select = type, next, rawget, rawlen, rawset, select
local pack, unpack, sub = string.pack, string.unpack, string.sub
local mathType, concat, tpack, tunpack = math.type, table.concat, table.pack, table.unpack
local coroutineCreate, error = coroutine.create, error

local M = {}

--- Tables nested deeper than this cross as opaque values (a cycle ends there too).
M.MAX_DEPTH = 100
--- The largest frame either side accepts, in bytes.
M.MAX_FRAME_BYTES = 256 * 1024 * 1024
--- Largest border rebuilt as one array part (larger ones are set key by key).
local PACKED_LIMIT = 4096

local function encode(value, out, depth)
  local kind = type(value)
  if value == nil then
    out[#out + 1] = 'n'
  elseif value == true then
    out[#out + 1] = 't'
  elseif value == false then
    out[#out + 1] = 'f'
  elseif kind == 'number' then
    out[#out + 1] = mathType(value) == 'integer' and pack('<c1i8', 'i', value) or pack('<c1d', 'd', value)
  elseif kind == 'string' then
    out[#out + 1] = pack('<c1s4', 's', value)
  elseif kind == 'table' and depth < M.MAX_DEPTH then
    local border = rawlen(value)
    out[#out + 1] = pack('<c1i8', 'T', border)
    for index = 1, border do
      encode(rawget(value, index), out, depth + 1)
    end
    for key, item in next, value do
      if not (mathType(key) == 'integer' and key >= 1 and key <= border) then
        encode(key, out, depth + 1)
        encode(item, out, depth + 1)
      end
    end
    out[#out + 1] = 'E'
  else
    out[#out + 1] = pack('<c1s4', 'o', kind)
  end
end

--- The plain-data form of the values `...` (their count first), as one string.
function M.encodeValues(...)
  local count = select('#', ...)
  local out = { pack('<i4', count) }
  for index = 1, count do
    encode((select(index, ...)), out, 0)
  end
  return concat(out)
end

local function malformed()
  error({ passkMalformed = true }, 0)
end

--- An opaque value: a coroutine of this process's, equal only to itself.
local function opaque()
  return coroutineCreate(function() end)
end

local decode

local function decodeTable(data, at, depth)
  local border
  border, at = unpack('<i8', data, at)
  if border < 0 or border > #data then malformed() end
  local items = {}
  for index = 1, border do
    items[index], at = decode(data, at, depth + 1)
  end
  local result
  if border <= PACKED_LIMIT then
    -- table.pack sizes the array part to `border`, as a constructor does.
    result = tpack(tunpack(items, 1, border))
    result.n = nil
  else
    result = {}
    for index = 1, border do rawset(result, index, items[index]) end
  end
  while sub(data, at, at) ~= 'E' do
    local key, item
    key, at = decode(data, at, depth + 1)
    item, at = decode(data, at, depth + 1)
    if key == nil or key ~= key then malformed() end
    rawset(result, key, item)
  end
  return result, at + 1
end

decode = function(data, at, depth)
  if depth > M.MAX_DEPTH + 1 then malformed() end
  local tag = sub(data, at, at)
  if tag == 'n' then return nil, at + 1 end
  if tag == 't' then return true, at + 1 end
  if tag == 'f' then return false, at + 1 end
  if tag == 'i' then return unpack('<i8', data, at + 1) end
  if tag == 'd' then return unpack('<d', data, at + 1) end
  if tag == 's' then return unpack('<s4', data, at + 1) end
  if tag == 'T' then return decodeTable(data, at + 1, depth) end
  if tag == 'o' then
    local _, next_at = unpack('<s4', data, at + 1)
    return opaque(), next_at
  end
  malformed()
end

--- The values of `data` (written by `encodeValues`) from byte `at`: a table of them and their
--- count. Raises `{ passkMalformed = true }` when `data` is not such a form.
function M.decodeValues(data, at)
  local ok, values, count = pcall(function()
    local count, position = unpack('<i4', data, at)
    if count < 0 or count > #data then malformed() end
    local values = {}
    for index = 1, count do
      values[index], position = decode(data, position, 0)
    end
    if position ~= #data + 1 then malformed() end
    return values, count
  end)
  if not ok then malformed() end
  return values, count
end

--- Writes `payload` as one frame to `stream` and flushes it; false when the stream is gone.
function M.writeFrame(stream, payload)
  return stream:write(pack('<s4', payload)) ~= nil and stream:flush() ~= nil
end

--- The next frame's payload from `stream`; nil at its end. Raises `{ passkMalformed = true }`
--- on a frame larger than MAX_FRAME_BYTES.
function M.readFrame(stream)
  local head = stream:read(4)
  if head == nil or #head < 4 then return nil end
  local length = unpack('<I4', head)
  if length > M.MAX_FRAME_BYTES then malformed() end
  if length == 0 then return '' end
  local payload = stream:read(length)
  if payload == nil or #payload < length then return nil end
  return payload
end

return M
