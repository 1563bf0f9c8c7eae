// The protocol loop every Node adapter shares: JSON lines in, JSON lines out.
// Commands are handled one at a time, in order, so an answer can never overtake another;
// a throwing handler becomes an `errored` answer for its case instead of a crash.
import { createInterface } from "node:readline";

export const PROTOCOL_VERSION = 1;

function sortedJson(value) {
  if (Array.isArray(value)) return value.map(sortedJson);
  if (value && typeof value === "object") {
    const out = {};
    for (const key of Object.keys(value).sort()) out[key] = sortedJson(value[key]);
    return out;
  }
  return value;
}

function write(answer) {
  process.stdout.write(JSON.stringify(sortedJson(answer)) + "\n");
}

export async function serve(describe, runCase) {
  // stdout carries the protocol: an implementation's own console output goes to the log.
  for (const method of ["log", "info", "debug"]) console[method] = console.error;
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const raw of lines) {
    let message;
    try {
      message = JSON.parse(raw);
    } catch {
      continue;
    }
    if (!message || typeof message !== "object") continue;
    if (message.cmd === "start") {
      write({ ...(await describe()), protocol: PROTOCOL_VERSION });
    } else if (message.cmd === "run") {
      let answer;
      try {
        answer = await runCase(message);
      } catch (error) {
        const text = `${error?.name ?? "Error"}: ${error?.message ?? String(error)}`;
        answer = { errored: text.slice(0, 500) };
      }
      write({ ...answer, case: message.case });
    } else if (message.cmd === "stop") {
      break;
    }
  }
  process.exit(0);
}
