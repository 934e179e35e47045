// The bkp extension: language registration, grammar and snippets come from
// package.json; this file starts `bkp lsp` and keeps it running.

import * as os from "os";
import * as vscode from "vscode";
import {
  CloseAction,
  type CloseHandlerResult,
  type ErrorHandler,
  type LanguageClientOptions,
  LanguageClient,
  RevealOutputChannelOn,
  type ServerOptions,
  TransportKind,
} from "vscode-languageclient/node";
import {
  SERVER_ARGS,
  SERVER_PATH_SETTING,
  expandServerPath,
  findExecutable,
  missingServerMessage,
} from "./server";

/** Crashes tolerated within the client library's window (3 minutes) before giving up. */
const MAX_RESTARTS = 5;
const RESTART_COMMAND = "bkp.restartServer";

let client: LanguageClient | undefined;
let output: vscode.OutputChannel | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  output = vscode.window.createOutputChannel("bkp Language Server");
  context.subscriptions.push(
    output,
    vscode.commands.registerCommand(RESTART_COMMAND, restart),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(SERVER_PATH_SETTING)) {
        void restart();
      }
    }),
  );
  await start();
}

export async function deactivate(): Promise<void> {
  await stop();
}

async function restart(): Promise<void> {
  await stop();
  await start();
}

async function stop(): Promise<void> {
  const old = client;
  client = undefined;
  if (old === undefined) {
    return;
  }
  try {
    await old.stop();
  } catch (err) {
    output?.appendLine(`Stopping the server failed: ${String(err)}`);
  }
}

async function start(): Promise<void> {
  const configured = vscode.workspace.getConfiguration().get<string>(SERVER_PATH_SETTING, "bkp");
  const workspaceFolder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  const command = expandServerPath(configured, { home: os.homedir(), workspaceFolder });
  const executable = findExecutable(command);
  if (executable === undefined) {
    output?.appendLine(missingServerMessage(configured));
    void showError(missingServerMessage(configured));
    return;
  }

  const serverOptions: ServerOptions = {
    command: executable,
    args: SERVER_ARGS,
    transport: TransportKind.stdio,
    options: { cwd: workspaceFolder },
  };

  // The client library's own error handler decides when to restart a server
  // that died (up to MAX_RESTARTS times in 3 minutes); when it gives up, the
  // message offers the restart command instead of leaving the user stuck.
  let libraryHandler: ErrorHandler | undefined;
  const errorHandler: ErrorHandler = {
    error: (error, message, count) => libraryHandler!.error(error, message, count),
    closed: async (): Promise<CloseHandlerResult> => {
      const result = await libraryHandler!.closed();
      if (result.action === CloseAction.DoNotRestart && !result.handled) {
        void showError(
          `The bkp language server stopped ${MAX_RESTARTS + 1} times in 3 minutes and will not be restarted. ` +
            `Check the "bkp Language Server" output, then run "bkp: Restart Language Server".`,
        );
        return { ...result, handled: true };
      }
      return result;
    },
  };

  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: "file", language: "bkp" },
      { scheme: "untitled", language: "bkp" },
    ],
    synchronize: {
      fileEvents: vscode.workspace.createFileSystemWatcher("**/*.bkp"),
    },
    outputChannel: output,
    revealOutputChannelOn: RevealOutputChannelOn.Never,
    errorHandler,
  };

  // The id "bkp" makes the library honour the `bkp.trace.server` setting.
  const c = new LanguageClient("bkp", "bkp Language Server", serverOptions, clientOptions);
  libraryHandler = c.createDefaultErrorHandler(MAX_RESTARTS);
  client = c;
  try {
    await c.start();
  } catch (err) {
    if (client === c) {
      client = undefined;
    }
    output?.appendLine(`Starting "${executable} ${SERVER_ARGS.join(" ")}" failed: ${String(err)}`);
    void showError(
      `The bkp language server ("${executable} ${SERVER_ARGS.join(" ")}") failed to start: ${String(err)}. ` +
        `Check "${SERVER_PATH_SETTING}".`,
    );
  }
}

async function showError(message: string): Promise<void> {
  const openSettings = "Open Settings";
  const restartServer = "Restart Server";
  const choice = await vscode.window.showErrorMessage(message, openSettings, restartServer);
  if (choice === openSettings) {
    await vscode.commands.executeCommand("workbench.action.openSettings", SERVER_PATH_SETTING);
  } else if (choice === restartServer) {
    await vscode.commands.executeCommand(RESTART_COMMAND);
  }
}
