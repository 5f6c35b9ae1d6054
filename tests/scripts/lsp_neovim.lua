-- Neovim's built-in LSP client against `wijk lsp`, headless (tests/scripts/lsp_neovim.sh).
-- Opens a data file, waits for its diagnostics, asks for completion after `partner: `, fixes
-- the line and waits for the diagnostics to clear, hovers, and jumps to a definition.
-- Every wait is bounded; any failure ends Neovim with a non-zero status.
-- Written for Neovim 0.7 (Debian 12): vim.lsp.start_client and buf_attach_client.

local wijk = assert(os.getenv("WIJK"), "WIJK: the wijk binary")
local root = assert(os.getenv("WIJK_ROOT"), "WIJK_ROOT: the data root")
local wait_ms = 30000

local function fail(what)
  io.stderr:write("FAIL: " .. what .. "\n")
  vim.cmd("cquit 1")
end

local function step(what)
  io.stdout:write("ok   " .. what .. "\n")
end

local ok, err = pcall(function()
  vim.cmd("edit " .. vim.fn.fnameescape(root .. "/agreements.yaml"))
  local buf = vim.api.nvim_get_current_buf()
  local client_id = vim.lsp.start_client({
    name = "wijk",
    cmd = { wijk, "--as-of", "2026-11-26", "lsp" },
    root_dir = root,
  })
  if not client_id then return fail("the client did not start") end
  vim.lsp.buf_attach_client(buf, client_id)

  -- 1. diagnostics: the planted dangling reference
  local function codes()
    local out = {}
    for _, d in ipairs(vim.diagnostic.get(buf)) do
      local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
      table.insert(out, tostring(code))
    end
    table.sort(out)
    return table.concat(out, ",")
  end
  if not vim.wait(wait_ms, function() return codes() == "dangling-ref" end, 50) then
    return fail("no dangling-ref diagnostic, got: " .. codes())
  end
  local d = vim.diagnostic.get(buf)[1]
  local line = vim.api.nvim_buf_get_lines(buf, d.lnum, d.lnum + 1, false)[1]
  if not line:find("partner: buurtwrk", 1, true) then return fail("the diagnostic is on the wrong line: " .. line) end
  if not d.message:find("did you mean 'buurtwerk'", 1, true) then return fail("no hint in: " .. d.message) end
  step("diagnostics: dangling-ref on line " .. (d.lnum + 1) .. ": " .. d.message:gsub("\n", " / "))

  -- 2. completion after `partner: ` (the buffer edited as a user would: an incremental change)
  local row = d.lnum
  vim.api.nvim_buf_set_lines(buf, row, row + 1, false, { "    partner: " })
  vim.api.nvim_win_set_cursor(0, { row + 1, #"    partner: " })
  local params = vim.lsp.util.make_position_params()
  local responses = vim.lsp.buf_request_sync(buf, "textDocument/completion", params, wait_ms)
  local labels = {}
  for _, r in pairs(responses or {}) do
    local items = r.result and (r.result.items or r.result) or {}
    for _, item in ipairs(items) do labels[item.label] = item.detail or "" end
  end
  if not labels["buurtwerk"] or not labels["huurders-oost"] then
    return fail("completion after 'partner: ' lacks the partner ids: " .. vim.inspect(labels))
  end
  if not labels["buurtwerk"]:find("Stichting Buurtwerk", 1, true) then
    return fail("completion detail is not the partner's name: " .. labels["buurtwerk"])
  end
  step("completion after 'partner: ': " .. vim.inspect(vim.tbl_keys(labels)))

  -- 3. the fix: the diagnostics clear
  vim.api.nvim_buf_set_lines(buf, row, row + 1, false, { "    partner: buurtwerk" })
  if not vim.wait(wait_ms, function() return #vim.diagnostic.get(buf) == 0 end, 50) then
    return fail("the diagnostic did not clear after the fix: " .. codes())
  end
  step("diagnostics cleared after the edit")

  -- 4. hover on the partner
  vim.api.nvim_win_set_cursor(0, { row + 1, #"    partner: buurt" })
  responses = vim.lsp.buf_request_sync(buf, "textDocument/hover", vim.lsp.util.make_position_params(), wait_ms)
  local hover = ""
  for _, r in pairs(responses or {}) do
    if r.result and r.result.contents then hover = hover .. (r.result.contents.value or "") end
  end
  if not hover:find("Stichting Buurtwerk", 1, true) then return fail("hover: " .. hover) end
  step("hover: " .. hover:gsub("\n", " "))

  -- 5. go to definition: Neovim opens partners.yaml at the partner's id
  vim.lsp.buf.definition()
  local target = root .. "/partners.yaml"
  if not vim.wait(wait_ms, function() return vim.api.nvim_buf_get_name(0) == target end, 50) then
    return fail("definition did not open " .. target .. " (current: " .. vim.api.nvim_buf_get_name(0) .. ")")
  end
  local cursor = vim.api.nvim_win_get_cursor(0)
  local at = vim.api.nvim_get_current_line()
  if not at:find("id: buurtwerk", 1, true) or at:sub(cursor[2] + 1, cursor[2] + 9) ~= "buurtwerk" then
    return fail("definition landed at line " .. cursor[1] .. " column " .. cursor[2] .. ": " .. at)
  end
  step("definition: " .. target .. ":" .. cursor[1] .. ":" .. (cursor[2] + 1))

  -- the server never wrote a file: the buffer of agreements.yaml is unsaved
  local disk = io.open(root .. "/agreements.yaml"):read("*a")
  if not disk:find("partner: buurtwrk", 1, true) then return fail("agreements.yaml changed on disk") end
  vim.lsp.stop_client(client_id)
end)

if not ok then
  fail(tostring(err))
else
  vim.cmd("qall!")
end
