// Locating the bkp executable. Kept free of the `vscode` module so it can be
// unit-tested with plain node.

import * as fs from "fs";
import * as path from "path";

/** The arguments that make `bkp` speak the Language Server Protocol on stdio. */
export const SERVER_ARGS = ["lsp"];

/** The setting that names the executable; quoted in every error message. */
export const SERVER_PATH_SETTING = "bkp.server.path";

export interface PathContext {
  home: string;
  workspaceFolder?: string;
}

/**
 * Expands `~` and `${workspaceFolder}` in the configured server path. Other
 * text is kept as is; an empty setting means the default, `bkp`.
 */
export function expandServerPath(configured: string | undefined, ctx: PathContext): string {
  let p = (configured ?? "").trim();
  if (p === "") {
    return "bkp";
  }
  if (p === "~" || p.startsWith("~/") || p.startsWith("~\\")) {
    p = path.join(ctx.home, p.slice(1));
  }
  if (ctx.workspaceFolder !== undefined) {
    p = p.split("${workspaceFolder}").join(ctx.workspaceFolder);
  }
  return p;
}

function isExecutableFile(file: string, platform: NodeJS.Platform): boolean {
  try {
    if (!fs.statSync(file).isFile()) {
      return false;
    }
    if (platform !== "win32") {
      fs.accessSync(file, fs.constants.X_OK);
    }
    return true;
  } catch {
    return false;
  }
}

/**
 * Resolves a command to an executable file: a path (anything with a
 * separator) is checked as is, a bare name is looked up on PATH (with PATHEXT
 * on Windows). Returns undefined when nothing executable is found.
 */
export function findExecutable(
  command: string,
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string | undefined {
  const exts =
    platform === "win32" ? ["", ...(env.PATHEXT ?? ".COM;.EXE;.BAT;.CMD").split(";").filter((e) => e !== "")] : [""];
  const hasSeparator = command.includes("/") || (platform === "win32" && command.includes("\\"));
  if (hasSeparator || path.isAbsolute(command)) {
    return exts.map((e) => command + e).find((f) => isExecutableFile(f, platform));
  }
  const pathVar = env.PATH ?? env.Path ?? "";
  const delimiter = platform === "win32" ? ";" : ":";
  for (const dir of pathVar.split(delimiter)) {
    if (dir === "") {
      continue;
    }
    for (const ext of exts) {
      const candidate = path.join(dir, command + ext);
      if (isExecutableFile(candidate, platform)) {
        return candidate;
      }
    }
  }
  return undefined;
}

/** The message shown when the configured executable cannot be found. */
export function missingServerMessage(configured: string): string {
  return (
    `The bkp language server could not be started: "${configured}" was not found or is not executable. ` +
    `Install bkp and put it on PATH, or set "${SERVER_PATH_SETTING}" to the full path of the bkp executable.`
  );
}
