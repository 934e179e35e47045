-- Drives `bkp lsp` from headless Neovim and prints `ok NAME` or
-- `not ok NAME: detail` for each check, then `done`.
local bkp, dir = vim.env.BKP, vim.env.DATA
local function out(s) io.stdout:write(s .. '\n') end
local function check(name, cond, detail)
  if cond then out('ok ' .. name) else out('not ok ' .. name .. ': ' .. tostring(detail)) end
end

local function open(name)
  vim.cmd.edit(dir .. '/' .. name)
  local buf = vim.api.nvim_get_current_buf()
  vim.bo[buf].filetype = 'bkp'
  local id = vim.lsp.start({ name = 'bkp', cmd = { bkp, 'lsp' }, root_dir = dir }, { bufnr = buf })
  vim.wait(5000, function() return #vim.lsp.get_clients({ bufnr = buf }) > 0 end, 20)
  return buf, id
end

local function request(buf, method, params)
  local res, err = vim.lsp.buf_request_sync(buf, method, params, 5000)
  for _, r in pairs(res or {}) do
    if r.err then return nil, r.err end
    return r.result
  end
  return nil, err or 'no response'
end

local function at(buf, line, col)
  return { textDocument = vim.lsp.util.make_text_document_params(buf), position = { line = line, character = col } }
end

local function labels(result)
  local t = {}
  for _, it in ipairs(result and (result.items or result) or {}) do t[#t + 1] = it.label end
  return ',' .. table.concat(t, ',') .. ','
end

local buf, id = open('main.bkp')
check('server starts', id ~= nil, 'vim.lsp.start returned nil')
if not id then out('done'); vim.cmd('qall!') end

-- Diagnostics: located at the misspelt field, with a did-you-mean.
vim.wait(5000, function() return #vim.diagnostic.get(buf) > 0 end, 20)
local diags = vim.diagnostic.get(buf)
local d = diags[1]
check('diagnostic located', d and d.lnum == 6 and d.col == 4, vim.inspect(d))
check('diagnostic did-you-mean', d and d.message:find('did you mean `delete_after`', 1, true), d and d.message)
check('diagnostic code', d and d.code == 'E0210', d and d.code)

-- Completion inside the rule block: rule fields, not vault fields.
local c = labels(request(buf, 'textDocument/completion', at(buf, 7, 4)))
check('completion in rule block', c:find(',delete_after,') and c:find(',start_window,') and not c:find(',backup_vault_name,'), c)

-- Hover on the preset: the evaluated rule.
local h = request(buf, 'textDocument/hover', at(buf, 3, 17))
local text = h and h.contents and (h.contents.value or '') or ''
check('hover on preset', text:find('daily at 05:00 UTC, kept 35 days, in vault main', 1, true), text)

-- Go to the vault's definition.
local def = request(buf, 'textDocument/definition', at(buf, 3, 33))
if def and def[1] then def = def[1] end
local r = def and (def.range or def.targetRange)
check('definition of vault', r and r.start.line == 0 and r.start.character == 6, vim.inspect(def))

-- Rename the vault: every occurrence, applied by the client.
local edit = request(buf, 'textDocument/rename',
  vim.tbl_extend('force', at(buf, 0, 7), { newName = 'primary' }))
if edit then vim.lsp.util.apply_workspace_edit(edit, 'utf-16') end
local lines = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
check('rename', lines[1]:find('^vault primary ') and lines[4]:find('-> vault primary <', 1, true), table.concat(lines, '\n'))
local _, bad = request(buf, 'textDocument/rename', vim.tbl_extend('force', at(buf, 0, 7), { newName = 'plan' }))
check('rename refuses a keyword', bad ~= nil, 'accepted')

-- After-`-> vault` completion in an incomplete file.
local buf2 = open('partial.bkp')
vim.wait(300)
local v = labels(request(buf2, 'textDocument/completion', at(buf2, 3, 23)))
check('completion after -> vault', v == ',main,other,', v)

-- Formatting: the canonical layout, applied by the client.
local buf3 = open('messy.bkp')
vim.wait(300)
local edits = request(buf3, 'textDocument/formatting',
  { textDocument = vim.lsp.util.make_text_document_params(buf3), options = { tabSize = 2, insertSpaces = true } })
if edits then vim.lsp.util.apply_text_edits(edits, buf3, 'utf-16') end
local formatted = table.concat(vim.api.nvim_buf_get_lines(buf3, 0, -1, false), '\n')
check('formatting', formatted == 'vault main { backup_vault_name = "main" }\nplan P = daily35 -> vault main', formatted)

out('done')
vim.cmd('qall!')
