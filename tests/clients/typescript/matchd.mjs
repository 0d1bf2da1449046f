// Starts a matchd for a test: fresh data folder in a temporary directory, gRPC and
// HTTP/JSON on 127.0.0.1:0. Resolves once matchd printed the HTTP address it bound
// ("matchd serving HTTP/JSON on 127.0.0.1:PORT"), an event, not a sleep.

import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";

export async function startMatchd(binary) {
  const dir = mkdtempSync(join(tmpdir(), "azm_typescript_client_"));
  const data = join(dir, "data");
  const child = spawn(binary, [
    "--data", data, "--listen", "127.0.0.1:0", "--http-listen", "127.0.0.1:0",
    "--no-sync-writes", "--quiet",
  ], { stdio: ["ignore", "ignore", "pipe"] });
  const log = [];
  const exited = new Promise((resolve) => child.on("exit", (code, signal) => resolve({ code, signal })));
  const httpAddress = await new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stderr });
    let found = false;
    lines.on("line", (line) => {
      log.push(line);
      const match = /matchd serving HTTP\/JSON on (\S+:\d+)/.exec(line);
      if (match && !found) {
        found = true;
        resolve(match[1]);
      }
    });
    lines.on("close", () => {
      if (!found) reject(new Error(`matchd ended before serving HTTP:\n${log.join("\n")}`));
    });
  });
  return {
    baseUrl: `http://${httpAddress}`,
    adminKey: readFileSync(join(data, "admin.key"), "utf8").trim(),
    log,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      const result = await exited;
      rmSync(dir, { recursive: true, force: true });
      return result;
    },
  };
}
