-- OpenBeian enforcement edge for nginx + libnginx-mod-http-lua (Debian), see docs/enforcement.md.
--
-- The set of connected registrable domains lives in a shared dict (one copy for all workers). Worker 0 keeps it
-- current: a snapshot of the platform's allowlist at start (GET /api/v1/enforcement/allowlist?format=text, whose
-- x-openbeian-cursor header says where the change feed continues), then a long poll of
-- GET /api/v1/enforcement/changes?since=<cursor>&wait=<s>, which answers as soon as an approval or revocation is
-- handled. Snapshot and changes are also written to state_dir, so a restarted nginx serves the last set it had
-- even while the platform is down. Two dicts (a, b): a new snapshot is loaded into the idle one and then switched
-- in, so requests never see a half-loaded set.
--
-- Per request (access phase): each parent domain that has a dot, then the host, are looked up, shortest first:
-- www.shop.example.com → example.com, shop.example.com, www.shop.example.com. No domain analysis, no allocation
-- beyond the suffix strings.

local M = {}

local ngx = ngx
local shared = ngx.shared
local byte, find, sub, gsub = string.byte, string.find, string.sub, string.gsub
local concat = table.concat

local PLACEHOLDER = "openbeian-edge-placeholder.invalid"

local config = {
  platform_host = "127.0.0.1",
  platform_port = 3000,
  token_file = "/etc/openbeian/edge.token",
  state_dir = "/var/lib/openbeian-edge",
  wait = 25,              -- seconds a change-feed request may wait for a change
  journal_limit = 200000, -- changes kept in journal.txt before a fresh snapshot replaces it
  dicts = { a = "openbeian_allow_a", b = "openbeian_allow_b" },
  meta = "openbeian_edge",
}

local FALLBACK_PAGE = [[<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">
<title>网站暂时无法访问 · Site not available</title></head>
<body style="font-family:system-ui,sans-serif;max-width:42rem;margin:4rem auto;padding:0 1rem;line-height:1.6">
<h1>网站暂时无法访问</h1><p>访问的地址：]] .. PLACEHOLDER .. [[</p>
<p>该域名没有在本服务商完成备案接入，依法不能在中国内地的服务器上提供访问。</p>
<h2 lang="en">This site is not available</h2>
<p lang="en">The domain has no ICP filing connected with this provider, so it may not be served from mainland China.</p>
</body></html>
]]

-- ---------------------------------------------------------------------------------------------------------------
-- state shared by the workers (meta dict): active = "a"|"b", cursor, names, synced_at (last answer from the
-- platform), live (a long poll is open after a good answer), last_error, page (block page template), page_version

local function meta() return shared[config.meta] end
local function dict_named(which) return shared[config.dicts[which]] end
local function active_dict() return dict_named(meta():get("active") or "a") end

local function log(level, ...) ngx.log(level, "openbeian edge: ", ...) end

local function read_file(path)
  local f = io.open(path, "rb")
  if not f then return nil end
  local text = f:read("*a")
  f:close()
  return text
end

local function write_file(path, text)
  local tmp = path .. ".tmp"
  local f, err = io.open(tmp, "wb")
  if not f then return nil, err end
  f:write(text)
  f:close()
  return os.rename(tmp, path)
end

-- ---------------------------------------------------------------------------------------------------------------
-- loading lines into a dict

-- Applies one line of an allowlist ("example.com") or of the change feed ("+example.com", "-example.com").
local function apply_line(dict, line, counts)
  local first = sub(line, 1, 1)
  if first == "-" then
    local name = sub(line, 2)
    if dict:get(name) then
      dict:delete(name)
      counts.names = counts.names - 1
    end
    return true
  end
  local name = first == "+" and sub(line, 2) or line
  if name == "" or first == "#" then return true end
  local ok, err = dict:safe_add(name, true)
  if ok then
    counts.names = counts.names + 1
  elseif err ~= "exists" then
    return nil, "shared dict full (" .. tostring(err) .. "): raise lua_shared_dict " .. config.dicts.a .. "/" .. config.dicts.b
  end
  return true
end

-- The snapshot file ("cursor N" then names) and the journal of changes after it ("+name", "-name", "cursor N").
local function load_state_files(dict)
  local file = io.open(config.state_dir .. "/allowlist.txt", "rb")
  if not file then return nil end
  local counts, cursor = { names = 0 }, nil
  for line in file:lines() do
    local at = line:match("^cursor (%d+)$")
    if at then cursor = tonumber(at) else assert(apply_line(dict, line, counts)) end
  end
  file:close()
  local journal = io.open(config.state_dir .. "/journal.txt", "rb")
  if journal then
    for line in journal:lines() do
      local at = line:match("^cursor (%d+)$")
      if at then cursor = tonumber(at) else assert(apply_line(dict, line, counts)) end
    end
    journal:close()
  end
  return cursor, counts.names
end

-- ---------------------------------------------------------------------------------------------------------------
-- a minimal HTTP/1.0 client over a cosocket (the platform answers 1.0 without chunking and closes at the end)

local function open(path, read_timeout_ms)
  local token = read_file(config.token_file)
  if not token then return nil, "cannot read token file " .. config.token_file end
  token = gsub(token, "%s+", "")
  local sock = ngx.socket.tcp()
  sock:settimeouts(3000, 10000, read_timeout_ms)
  local ok, err = sock:connect(config.platform_host, config.platform_port)
  if not ok then return nil, "connect " .. config.platform_host .. ":" .. config.platform_port .. ": " .. tostring(err) end
  ok, err = sock:send("GET " .. path .. " HTTP/1.0\r\nHost: " .. config.platform_host .. "\r\nAuthorization: Bearer " .. token ..
    "\r\nAccept: text/plain\r\nUser-Agent: openbeian-edge\r\n\r\n")
  if not ok then sock:close() return nil, "send: " .. tostring(err) end
  local status_line
  status_line, err = sock:receive("*l")
  if not status_line then sock:close() return nil, "read: " .. tostring(err) end
  local status = tonumber(status_line:match("^HTTP/%d%.%d (%d%d%d)"))
  local headers = {}
  while true do
    local line
    line, err = sock:receive("*l")
    if not line then sock:close() return nil, "read headers: " .. tostring(err) end
    if line == "" then break end
    local name, value = line:match("^([^:]+):%s*(.-)%s*$")
    if name then headers[name:lower()] = value end
  end
  return { status = status, headers = headers, sock = sock }
end

-- Calls each(line) for every line of the body; false when the body ended early.
local function each_line(response, each)
  local sock = response.sock
  local n = 0
  while true do
    local line, err, partial = sock:receive("*l")
    if not line then
      if err == "closed" then
        if partial and partial ~= "" then local ok, e = each(partial) if not ok then return nil, e end end
        return true
      end
      return nil, "read body: " .. tostring(err)
    end
    local ok, e = each(line)
    if not ok then sock:close() return nil, e end
    n = n + 1
    if n % 20000 == 0 then ngx.sleep(0) end  -- let worker 0 answer its own requests during a big load
  end
end

-- ---------------------------------------------------------------------------------------------------------------
-- sync (worker 0 only)

local function fetch_block_page()
  local response, err = open("/api/v1/enforcement/block-page?host=" .. PLACEHOLDER, 10000)
  if not response then return nil, err end
  local body = response.sock:receive("*a")
  response.sock:close()
  if response.status ~= 403 or not body or not find(body, PLACEHOLDER, 1, true) then return nil, "unexpected block page" end
  write_file(config.state_dir .. "/blocked.html", body)
  meta():set("page", body)
  meta():incr("page_version", 1, 0)
  return true
end

-- A whole new snapshot into the idle dict, then switched in; written to state_dir as it arrives.
local function full_load()
  local m = meta()
  local idle_name = (m:get("active") or "a") == "a" and "b" or "a"
  local idle = dict_named(idle_name)
  idle:flush_all()
  idle:flush_expired()
  local response, err = open("/api/v1/enforcement/allowlist?format=text", 120000)
  if not response then return nil, err end
  if response.status ~= 200 then response.sock:close() return nil, "allowlist answered " .. tostring(response.status) end
  local cursor = tonumber(response.headers["x-openbeian-cursor"])
  if not cursor then response.sock:close() return nil, "allowlist without x-openbeian-cursor" end
  local file = io.open(config.state_dir .. "/allowlist.txt.tmp", "wb")
  if file then file:write("cursor ", cursor, "\n") end
  local counts, buffer = { names = 0 }, {}
  local ok, load_err = each_line(response, function(line)
    if file then
      buffer[#buffer + 1] = line
      if #buffer >= 5000 then buffer[#buffer + 1] = "" file:write(concat(buffer, "\n")) buffer = {} end
    end
    return apply_line(idle, line, counts)
  end)
  if not ok then
    if file then file:close() os.remove(config.state_dir .. "/allowlist.txt.tmp") end
    return nil, load_err
  end
  if file then
    if #buffer > 0 then buffer[#buffer + 1] = "" file:write(concat(buffer, "\n")) end
    file:close()
    os.rename(config.state_dir .. "/allowlist.txt.tmp", config.state_dir .. "/allowlist.txt")
    os.remove(config.state_dir .. "/journal.txt")
  end
  m:set("active", idle_name)
  m:set("cursor", cursor)
  m:set("names", counts.names)
  m:set("journal_lines", 0)
  m:delete("snapshot_due")
  -- The dict just replaced is emptied at the next snapshot, not now: a request may still be reading it.
  log(ngx.NOTICE, "loaded ", counts.names, " names at cursor ", cursor)
  local page_ok, page_err = fetch_block_page()
  if not page_ok then log(ngx.WARN, "block page not refreshed: ", page_err) end
  return true
end

-- One long poll; true when it was answered (with or without changes).
local function poll()
  local m = meta()
  local cursor = m:get("cursor")
  local response, err = open("/api/v1/enforcement/changes?since=" .. cursor .. "&wait=" .. config.wait, (config.wait + 10) * 1000)
  if not response then return nil, err end
  if response.status == 410 then
    response.sock:close()
    log(ngx.NOTICE, "cursor ", cursor, " expired; loading a new snapshot")
    return full_load()
  end
  if response.status ~= 200 then response.sock:close() return nil, "changes answered " .. tostring(response.status) end
  local next_cursor = tonumber(response.headers["x-openbeian-cursor"])
  local dict, counts, lines = active_dict(), { names = m:get("names") or 0 }, {}
  local ok, read_err = each_line(response, function(line)
    lines[#lines + 1] = line
    return apply_line(dict, line, counts)
  end)
  if not ok then return nil, read_err end
  if next_cursor and next_cursor ~= cursor then
    local journal = io.open(config.state_dir .. "/journal.txt", "ab")
    if journal then
      lines[#lines + 1] = "cursor " .. next_cursor
      lines[#lines + 1] = ""
      journal:write(concat(lines, "\n"))
      journal:close()
    end
    m:set("cursor", next_cursor)
    -- A long journal makes restarts slow: past a limit the next round takes a fresh snapshot, which empties it.
    if m:incr("journal_lines", #lines, 0) > config.journal_limit then m:set("snapshot_due", true) end
  end
  m:set("names", counts.names)
  return true
end

local function sync_loop(premature)
  if premature then return end
  local m = meta()
  local failures, saved_at = 0, 0
  while not ngx.worker.exiting() do
    local ok, err
    if not m:get("cursor") then
      ok, err = full_load()
    elseif m:get("snapshot_due") then
      -- Tried once per due notice: a snapshot that cannot load (a full dict) must not stop the changes.
      m:delete("snapshot_due")
      ok, err = full_load()
    else
      ok, err = poll()
    end
    if ok then
      if failures > 0 then log(ngx.NOTICE, "platform reachable again") end
      failures = 0
      local now = ngx.now()
      m:set("synced_at", now)
      -- On disk too (once a minute), so a restart while the platform is down can say how old its set is.
      if now - saved_at > 60 then
        write_file(config.state_dir .. "/synced_at", tostring(now))
        saved_at = now
      end
      m:set("live", true)
      m:delete("last_error")
    else
      failures = failures + 1
      m:set("live", false)
      m:set("last_error", err)
      if failures == 1 or failures % 30 == 0 then log(ngx.WARN, "sync failed (serving the last set): ", err) end
      ngx.sleep(math.min(failures, 5))
    end
  end
end

-- ---------------------------------------------------------------------------------------------------------------
-- public API

-- init_by_lua: settings, and the last set from state_dir when the dicts are empty (a cold start, not a reload).
function M.init(options)
  for key, value in pairs(options or {}) do config[key] = value end
  if options and options.platform then
    local host, port = options.platform:match("^([^:]+):(%d+)$")
    config.platform_host, config.platform_port = host or options.platform, tonumber(port) or 80
  end
  local m = meta()
  if m:get("cursor") then return end
  local cursor, names = load_state_files(dict_named("a"))
  m:set("active", "a")
  if cursor then
    m:set("cursor", cursor)
    m:set("names", names)
    m:set("synced_at", tonumber(read_file(config.state_dir .. "/synced_at") or "") or 0)
    ngx.log(ngx.NOTICE, "openbeian edge: ", names, " names from ", config.state_dir, " at cursor ", cursor)
  end
  local page = read_file(config.state_dir .. "/blocked.html")
  m:set("page", page or FALLBACK_PAGE)
  m:incr("page_version", 1, 0)
end

-- init_worker_by_lua: worker 0 keeps the set current.
function M.start()
  if ngx.worker.id() ~= 0 then return end
  local ok, err = ngx.timer.at(0, sync_loop)
  if not ok then log(ngx.ERR, "cannot start the sync timer: ", err) end
end

local function age()
  local m = meta()
  if m:get("live") then return 0 end
  local synced = m:get("synced_at")
  if not synced or synced == 0 then return -1 end
  return math.floor(ngx.now() - synced)
end

local page_parts, page_version = nil, nil

local function escape(text)
  return (gsub(text, "[&<>\"']", { ["&"] = "&amp;", ["<"] = "&lt;", [">"] = "&gt;", ['"'] = "&quot;", ["'"] = "&#39;" }))
end

local function block(host)
  local m = meta()
  local version = m:get("page_version")
  if version ~= page_version or not page_parts then
    page_parts, page_version = {}, version
    local page, at = m:get("page") or FALLBACK_PAGE, 1
    while true do
      local s, e = find(page, PLACEHOLDER, at, true)
      if not s then page_parts[#page_parts + 1] = sub(page, at) break end
      page_parts[#page_parts + 1] = sub(page, at, s - 1)
      at = e + 1
    end
  end
  local body, safe = {}, escape(host)
  for i, part in ipairs(page_parts) do
    body[#body + 1] = part
    if i < #page_parts then body[#body + 1] = safe end
  end
  ngx.status = 403
  ngx.header["Content-Type"] = "text/html; charset=utf-8"
  ngx.header["Cache-Control"] = "no-store"
  ngx.header["X-OpenBeian-Edge-Age"] = age()
  ngx.print(body)
  return ngx.exit(403)
end

-- access_by_lua: lets the request through when the host or a parent domain is connected, else the block page.
-- Parent domains are tried from the shortest with a dot (example.com) to the whole host: most hosts are
-- www.<registrable>, so the first look-up usually decides.
function M.check()
  local host = ngx.var.host
  local dict = active_dict()
  local at = #host
  while at > 0 and byte(host, at) ~= 46 do at = at - 1 end
  if at == 0 then return block(host) end
  while true do
    local start = at - 1
    while start > 0 and byte(host, start) ~= 46 do start = start - 1 end
    if dict:get(start == 0 and host or sub(host, start + 1)) then return end
    if start == 0 then return block(host) end
    at = start
  end
end

-- content_by_lua on a local-only server: how current the set is, as JSON.
function M.status()
  local m = meta()
  local live = m:get("live") and true or false
  local err = m:get("last_error")
  ngx.header["Content-Type"] = "application/json"
  ngx.header["Cache-Control"] = "no-store"
  local dict = active_dict()
  ngx.say('{"state":"', live and "live" or (m:get("cursor") and "stale" or "empty"),
    '","ageSeconds":', age(),
    ',"dictBytes":', dict:capacity(), ',"dictFreeBytes":', dict:free_space(),
    ',"cursor":', m:get("cursor") or "null",
    ',"names":', m:get("names") or 0,
    ',"syncedAt":', m:get("synced_at") or "null",
    ',"lastError":', err and ('"' .. gsub(err, '["\\%c]', " ") .. '"') or "null", "}")
end

return M
