-- A minimal stand-in for `bkp lsp`, run by `nvim -l`: answers initialize and
-- shutdown so the test can see that bkp.lua starts `<cmd> lsp` and attaches.
if arg[1] ~= "lsp" then
  io.stderr:write("expected the lsp subcommand, got " .. tostring(arg[1]) .. "\n")
  os.exit(2)
end

local function send(msg)
  local body = vim.json.encode(msg)
  io.stdout:write("Content-Length: " .. #body .. "\r\n\r\n" .. body)
  io.stdout:flush()
end

while true do
  local len
  while true do
    local line = io.stdin:read("*l")
    if line == nil then
      os.exit(0)
    end
    line = line:gsub("\r$", "")
    if line == "" then
      break
    end
    len = tonumber(line:match("^[Cc]ontent%-[Ll]ength: *(%d+)")) or len
  end
  local msg = vim.json.decode(io.stdin:read(len))
  if msg.method == "initialize" then
    send({ jsonrpc = "2.0", id = msg.id, result = { capabilities = { textDocumentSync = 1 }, serverInfo = { name = "fake-bkp" } } })
  elseif msg.method == "shutdown" then
    send({ jsonrpc = "2.0", id = msg.id, result = vim.NIL })
  elseif msg.method == "exit" then
    os.exit(0)
  end
end
