-- bkp support for Neovim 0.11+: filetype, the `bkp lsp` language server and
-- tree-sitter highlighting, folding and queries from grammar/tree-sitter-bkp.
--
-- Use it from init.lua (paths are examples; `repo` is the bkp checkout):
--
--   local bkp = dofile(vim.fn.expand("~/src/bkp/editors/neovim/bkp.lua"))
--   bkp.setup()                                  -- or bkp.setup({ cmd = { "/opt/bkp", "lsp" } })
--
-- and, once, build the tree-sitter parser: `:BkpBuildParser` (needs a C
-- compiler), or `tree-sitter build -o bkp.so` in grammar/tree-sitter-bkp.
-- See README.md next to this file.

local M = {}

local uv = vim.uv or vim.loop
local here = vim.fn.fnamemodify(debug.getinfo(1, "S").source:sub(2), ":p:h")

local defaults = {
  -- The language server command: `bkp lsp` over stdio.
  cmd = { "bkp", "lsp" },
  -- Where the tree-sitter grammar lives (this file's checkout by default).
  grammar = vim.fs.normalize(here .. "/../../grammar/tree-sitter-bkp"),
  -- The compiled parser; default: <grammar>/bkp.so (bkp.dll on Windows).
  parser = nil,
  -- Start tree-sitter highlighting in bkp buffers when the parser is built.
  highlight = true,
  -- Fold bkp buffers on records, lists and plan bodies (tree-sitter folds).
  fold = true,
}

local options = vim.deepcopy(defaults)

local function parser_path()
  local ext = vim.fn.has("win32") == 1 and "dll" or "so"
  return options.parser or (options.grammar .. "/bkp." .. ext)
end

local function read(path)
  local f = io.open(path, "r")
  if not f then
    return nil
  end
  local text = f:read("*a")
  f:close()
  return text
end

--- Registers the compiled parser and the grammar's queries. Returns false
--- when the parser has not been built yet.
function M.register_parser()
  local path = parser_path()
  if not uv.fs_stat(path) then
    return false
  end
  vim.treesitter.language.add("bkp", { path = path })
  for _, name in ipairs({ "highlights", "locals", "folds", "indents" }) do
    -- Queries a user put on the runtimepath (queries/bkp/*.scm) win.
    if #vim.api.nvim_get_runtime_file("queries/bkp/" .. name .. ".scm", false) == 0 then
      local text = read(options.grammar .. "/queries/" .. name .. ".scm")
      if text then
        vim.treesitter.query.set("bkp", name, text)
      end
    end
  end
  return true
end

--- Compiles <grammar>/src/parser.c into the parser library with the C compiler.
function M.build_parser()
  local cc = vim.env.CC or "cc"
  local src = options.grammar .. "/src"
  local out = parser_path()
  local result = vim
    .system({ cc, "-shared", "-fPIC", "-O2", "-std=c11", "-I", src, src .. "/parser.c", "-o", out })
    :wait()
  if result.code ~= 0 then
    vim.notify("bkp: building the tree-sitter parser failed:\n" .. (result.stderr or ""), vim.log.levels.ERROR)
    return false
  end
  vim.notify("bkp: built " .. out)
  return M.register_parser()
end

local function start_buffer(buf)
  vim.bo[buf].commentstring = "# %s"
  vim.bo[buf].comments = ":#"
  if options.highlight and pcall(vim.treesitter.start, buf, "bkp") and options.fold then
    for _, win in ipairs(vim.fn.win_findbuf(buf)) do
      vim.wo[win][0].foldmethod = "expr"
      vim.wo[win][0].foldexpr = "v:lua.vim.treesitter.foldexpr()"
      vim.wo[win][0].foldlevel = 99
    end
  end
end

function M.setup(opts)
  options = vim.tbl_deep_extend("force", vim.deepcopy(defaults), opts or {})

  -- Filetype: *.bkp
  vim.filetype.add({ extension = { bkp = "bkp" } })

  -- Language server (Neovim 0.11 API)
  vim.lsp.config("bkp", {
    cmd = options.cmd,
    filetypes = { "bkp" },
    root_markers = { ".git" },
  })
  vim.lsp.enable("bkp")

  -- Tree-sitter
  M.register_parser()
  local group = vim.api.nvim_create_augroup("bkp", { clear = true })
  vim.api.nvim_create_autocmd("FileType", {
    group = group,
    pattern = "bkp",
    callback = function(ev)
      start_buffer(ev.buf)
    end,
  })
  vim.api.nvim_create_user_command("BkpBuildParser", function()
    if M.build_parser() then
      for _, buf in ipairs(vim.api.nvim_list_bufs()) do
        if vim.bo[buf].filetype == "bkp" then
          start_buffer(buf)
        end
      end
    end
  end, { desc = "Compile the bkp tree-sitter parser from grammar/tree-sitter-bkp/src" })
end

return M
