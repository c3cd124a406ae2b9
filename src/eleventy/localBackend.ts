import { type ChildProcess, spawn } from "node:child_process";
import { createServer, type IncomingMessage, request, type Server, type ServerResponse } from "node:http";
import { createRequire } from "node:module";
import { connect } from "node:net";
import path from "node:path";
import { EDITOR_CONTENT_FOLDER } from "../output/admin/localBackendAddress.ts";
import { namesThisComputer } from "./previewServer.ts";

/**
 * The web editor's local backend for `npm start`: Decap's own server (decap-server, from
 * npm), which reads and writes the working copy's files, so /admin/ works with no account.
 * It writes files, so it never faces anyone but this computer's browser:
 *
 * - decap-server listens on 127.0.0.1, on a port of its own, behind a guard;
 * - the guard listens on 127.0.0.1 (the port the editor's page names) and passes a request
 *   on only when its Host names this computer (no DNS rebinding), its Origin, when it has
 *   one, is a page of this computer, and every path it names is inside the content folder:
 *   decap-server itself can be told only the repository's root (it keeps paths inside
 *   that), and the project (package.json, src/, .github/) is no editor's to write.
 */
export interface LocalBackendOptions {
  /** The content folder: what the editor may read and write. */
  readonly contentDir: string;
  /** Where the guard listens (the port /admin/'s config.yml names). */
  readonly port: number;
  /** `fs` edits the files (npm start); `git` keeps Decap's editorial workflow in branches (the tests). */
  readonly mode?: "fs" | "git";
}

export interface LocalBackend {
  /** The guard's address, as the system reports it. */
  readonly address: { readonly host: string; readonly port: number };
  close(): Promise<void>;
}

const LOOPBACK = "127.0.0.1";
/** Decap sends whole pictures as base64; its own server takes up to 50 MB. */
const MAX_BODY_BYTES = 50 * 1024 * 1024;
/** The request fields that name files or folders (entries, media, deletions, moves). */
const PATH_KEYS: ReadonlySet<string> = new Set(["path", "paths", "newPath", "folder", "mediaFolder"]);

/**
 * Starts it, or says why not and leaves the preview without it: /admin/'s configuration
 * names the repository's `content/` (EDITOR_CONTENT_FOLDER), so the backend serves a content
 * folder of that name only, and on its port only.
 */
export async function startLocalBackend(options: LocalBackendOptions): Promise<LocalBackend | undefined> {
  const contentDir = path.resolve(options.contentDir);
  const allowed = EDITOR_CONTENT_FOLDER;
  if (`${path.basename(contentDir)}/` !== allowed) {
    console.log(
      `[newsdesk] The web editor edits a folder named ${allowed}; ${options.contentDir} is not one, so /admin/ has no local backend.`,
    );
    return undefined;
  }
  const root = path.dirname(contentDir);
  const innerPort = await freePort();
  let decap: ChildProcess | undefined;
  try {
    decap = spawn(process.execPath, [decapServerScript()], {
      env: {
        ...process.env,
        PORT: String(innerPort),
        BIND_HOST: LOOPBACK,
        GIT_REPO_DIRECTORY: root,
        MODE: options.mode ?? "fs",
        LOG_LEVEL: "warn",
      },
      stdio: ["ignore", "inherit", "inherit"],
    });
    await waitForPort(innerPort, decap);
  } catch (error) {
    // The preview goes on without the editor's backend, as the docstring promises, not half-started.
    decap?.kill();
    console.log(`[newsdesk] ${(error as Error).message}, so /admin/ has no local backend.`);
    return undefined;
  }
  const guard = createServer((incoming, response) => {
    const refusal = refusalOf(incoming);
    if (refusal) return refuse(response, 403, refusal);
    readBody(incoming).then(
      (body) => {
        const outside = body.length > 0 ? pathOutside(body, allowed) : undefined;
        if (outside !== undefined)
          return refuse(
            response,
            403,
            `the local backend writes only in ${allowed}, not "${outside}": edit articles and pictures there`,
          );
        forward(incoming, body, innerPort, response);
      },
      (error: Error) => refuse(response, 413, error.message),
    );
  });
  try {
    await new Promise<void>((resolve, reject) => {
      guard.once("error", reject);
      guard.listen({ port: options.port, host: LOOPBACK }, resolve);
    });
  } catch (error) {
    decap.kill();
    // The preview goes on without it, whatever stops it listening: another program (or
    // another preview) has the port, or the port is not this user's to take.
    const { code, message } = error as NodeJS.ErrnoException;
    const why = code === "EADDRINUSE" ? "is taken" : `cannot be used (${code ?? message})`;
    console.log(
      `[newsdesk] Port ${options.port} ${why}, so /admin/ has no local backend; \`npm start -- --backend-port N\` gives it another.`,
    );
    return undefined;
  }
  const bound = guard.address();
  if (!bound || typeof bound === "string") throw new Error("the local backend did not start");
  console.log(
    `[newsdesk] Web editor's local backend at http://localhost:${bound.port}/api/v1 (this computer only; writes in ${path.join(root, allowed)})`,
  );
  return {
    address: { host: bound.address, port: bound.port },
    close: () => closeBoth(guard, decap),
  };
}

/** Why a request is refused before its body is read: a name that is not this computer's, or a page of another site. */
function refusalOf(incoming: IncomingMessage): string | undefined {
  if (!namesThisComputer(incoming.headers.host)) return "the local backend answers only to localhost";
  const origin = incoming.headers.origin;
  if (origin !== undefined && !isPageOfThisComputer(origin))
    return "the local backend answers only to pages of this computer";
  return undefined;
}

function isPageOfThisComputer(origin: string): boolean {
  try {
    const url = new URL(origin);
    return url.protocol === "http:" && namesThisComputer(url.host);
  } catch {
    return false;
  }
}

/**
 * The first path in a request (decap-server's JSON: `{ action, params }`) that is not inside
 * the content folder, or undefined when each is; a body that is not JSON is refused whole.
 */
export function pathOutside(body: Buffer, allowed: string): string | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString("utf8"));
  } catch {
    return "(a request that is not JSON)";
  }
  const found: string[] = [];
  const walk = (value: unknown, key: string | undefined): void => {
    if (typeof value === "string") {
      if (key !== undefined && PATH_KEYS.has(key)) found.push(value);
    } else if (Array.isArray(value)) for (const item of value) walk(item, key);
    else if (value && typeof value === "object")
      for (const [inner, innerValue] of Object.entries(value)) walk(innerValue, inner);
  };
  walk(parsed, undefined);
  return found.find((file) => !isInside(file, allowed));
}

/** Inside `content/`, as a relative path that stays there (`content/articles/..` is the folder itself: refused). */
function isInside(file: string, allowed: string): boolean {
  const normal = path.posix.normalize(file.replaceAll("\\", "/"));
  const folder = allowed.slice(0, -1);
  return (normal === folder || normal.startsWith(allowed)) && !normal.split("/").includes("..");
}

function readBody(incoming: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    incoming.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error("the request is larger than the local backend takes (50 MB)"));
        incoming.destroy();
      } else chunks.push(chunk);
    });
    incoming.on("end", () => resolve(Buffer.concat(chunks)));
    incoming.on("error", reject);
  });
}

function forward(incoming: IncomingMessage, body: Buffer, port: number, response: ServerResponse): void {
  // The body is passed on whole, with its length: not in chunks, whatever the client sent.
  const { "transfer-encoding": _chunked, ...sent } = incoming.headers;
  const headers = { ...sent, host: `${LOOPBACK}:${port}`, "content-length": String(body.length) };
  const outgoing = request(
    { host: LOOPBACK, port, method: incoming.method, path: incoming.url, headers },
    (answer) => {
      response.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(response);
    },
  );
  outgoing.on("error", (error) =>
    refuse(response, 502, `the local backend did not answer: ${error.message}`),
  );
  outgoing.end(body);
}

function refuse(response: ServerResponse, status: number, message: string): void {
  if (response.headersSent) return void response.destroy();
  response.writeHead(status, { "content-type": "application/json; charset=utf-8" });
  response.end(JSON.stringify({ error: `Forbidden: ${message}.` }));
}

function decapServerScript(): string {
  return createRequire(import.meta.url).resolve("decap-server/dist/index.js");
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, LOOPBACK, resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (!address || typeof address === "string") throw new Error("no free port for the local backend");
  return address.port;
}

/** Until decap-server takes connections (it prints nothing useful at LOG_LEVEL=warn). */
async function waitForPort(port: number, child: ChildProcess): Promise<void> {
  for (let waited = 0; waited < 30_000; waited += 100) {
    if (child.exitCode !== null)
      throw new Error(`decap-server stopped at once (exit code ${child.exitCode})`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, LOOPBACK);
      socket.once("connect", () => {
        socket.destroy();
        resolve(true);
      });
      socket.once("error", () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("decap-server did not start within 30 s");
}

async function closeBoth(guard: Server, decap: ChildProcess): Promise<void> {
  decap.kill();
  guard.closeAllConnections();
  await new Promise((resolve) => guard.close(resolve));
}
