-- Headless check of bkp.lua: `nvim --headless -u NONE -i NONE -n -l test.lua <tmpdir>`.
-- Prints one line per fact and exits non-zero on the first failure.
local tmp = assert(arg[1], "usage: test.lua TMPDIR")
local here = vim.fn.fnamemodify(debug.getinfo(1, "S").source:sub(2), ":p:h")
local failures = 0
local function check(name, ok, detail)
  io.stdout:write((ok and "ok   " or "FAIL ") .. name .. (detail and (": " .. tostring(detail)) or "") .. "\n")
  if not ok then
    failures = failures + 1
  end
end

vim.cmd("filetype plugin indent on")
local bkp = dofile(here .. "/../bkp.lua")
bkp.setup({ cmd = { vim.v.progpath, "-l", here .. "/fake_server.lua", "lsp" }, parser = tmp .. "/bkp.so" })

check("parser builds from the committed src/parser.c", bkp.build_parser())

vim.cmd.edit(here .. "/../../../grammar/tree-sitter-bkp/samples/language_sketch.bkp")
local buf = vim.api.nvim_get_current_buf()
check("*.bkp gets filetype bkp", vim.bo[buf].filetype == "bkp", vim.bo[buf].filetype)
check("comments use #", vim.bo[buf].commentstring == "# %s", vim.bo[buf].commentstring)

local attached = vim.wait(5000, function()
  local c = vim.lsp.get_clients({ bufnr = buf, name = "bkp" })[1]
  return c ~= nil and c.initialized
end, 20)
local client = vim.lsp.get_clients({ bufnr = buf, name = "bkp" })[1]
check("the language server starts and attaches", attached, client and client.server_info and client.server_info.name)

check("tree-sitter highlighting is on", vim.treesitter.highlighter.active[buf] ~= nil)
local tree = vim.treesitter.get_parser(buf, "bkp"):parse()[1]
check("the sample parses without errors", not tree:root():has_error())

local function captures(pattern, col)
  for i, line in ipairs(vim.api.nvim_buf_get_lines(buf, 0, -1, false)) do
    if line:match(pattern) then
      return table.concat(vim.tbl_map(function(c) return c.capture end, vim.treesitter.get_captures_at_pos(buf, i - 1, col)), ",")
    end
  end
  return ""
end
check("a vault name is a type definition", captures("^vault main", 6):find("type.definition") ~= nil, captures("^vault main", 6))
check("a preset is a builtin constant", captures("^plan Custom = daily35", 15):find("constant.builtin") ~= nil)
check("folding uses tree-sitter", vim.wo.foldexpr == "v:lua.vim.treesitter.foldexpr()", vim.wo.foldexpr)

if client then
  client:stop()
end
io.stdout:write(failures == 0 and "neovim: all checks passed\n" or ("neovim: " .. failures .. " checks failed\n"))
vim.cmd(failures == 0 and "qall!" or "cquit 1")
