import type { IncomingMessage, ServerResponse } from "node:http";
import { isIP } from "node:net";
import EleventyDevServer from "@11ty/eleventy-dev-server";
import { ContentError, ENVIRONMENT } from "../domain/problem.ts";

/**
 * The preview's web server: Eleventy's dev server (files as a host serves them, live
 * reload), on an address we choose. The preview shows drafts and embargoed articles, so it
 * listens on this computer only unless `NEWSDESK_HOST` opens it, as Hugo's server does.
 */
export const DEFAULT_PREVIEW_HOST = "127.0.0.1";

/** The address to listen on: `NEWSDESK_HOST` when set (an IP address or a host name), else 127.0.0.1. */
export function previewHost(env: NodeJS.ProcessEnv = process.env): string {
  const host = env.NEWSDESK_HOST?.trim();
  if (!host) return DEFAULT_PREVIEW_HOST;
  if (isIP(host) || /^[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?$/i.test(host)) return host;
  throw new ContentError([
    {
      severity: "error",
      file: ENVIRONMENT,
      line: 0,
      field: "NEWSDESK_HOST",
      message: `"${host}" is not an address to listen on; write an IP address like 0.0.0.0, or unset it for this computer only`,
    },
  ]);
}

/** Whether a host is reachable from this computer only. */
function isLoopback(host: string): boolean {
  return host === "localhost" || host === "::1" || host.startsWith("127.");
}

/**
 * A request for a path that no file of the site can have: `..` or `.` parts, an encoded
 * slash or backslash, a NUL, or a broken %-escape. Eleventy's server would leave it
 * hanging; it gets a 400 at once.
 */
function isHostilePath(url: string): boolean {
  const pathname = url.split(/[?#]/)[0] ?? "";
  try {
    return pathname
      .split("/")
      .map((segment) => decodeURIComponent(segment))
      .some((part) => part === "." || part === ".." || /[/\\\0]/.test(part));
  } catch {
    return true;
  }
}

function refuseHostilePaths(request: IncomingMessage, response: ServerResponse, next: () => void): void {
  if (!isHostilePath(request.url ?? "/")) {
    next();
    return;
  }
  response.writeHead(400, { "content-type": "text/plain; charset=utf-8" });
  response.end("Bad request: no page of the site has this address.\n");
}

/** The names a browser on this computer uses for it. */
const LOOPBACK_NAMES: ReadonlySet<string> = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * On a loopback address, only requests that name this computer: a page elsewhere whose
 * name is made to point at 127.0.0.1 (DNS rebinding) could otherwise read the drafts
 * through the reader's own browser.
 */
function refuseForeignHosts(request: IncomingMessage, response: ServerResponse, next: () => void): void {
  if (namesThisComputer(request.headers.host)) {
    next();
    return;
  }
  response.writeHead(403, { "content-type": "text/plain; charset=utf-8" });
  response.end("Forbidden: this preview answers only to localhost.\n");
}

/** Whether a `Host` header names this computer (`localhost:8080`, `127.0.0.1`, `[::1]:8080`). */
export function namesThisComputer(host: string | undefined): boolean {
  return LOOPBACK_NAMES.has((host ?? "").replace(/:\d+$/, "").toLowerCase());
}

class BoundDevServer extends EleventyDevServer {
  constructor(
    folder: string,
    private readonly host: string,
  ) {
    super("newsdesk-preview", folder, {
      middleware: isLoopback(host) ? [refuseForeignHosts, refuseHostilePaths] : [refuseHostilePaths],
      // newsdesk says where it listens itself, with what that means.
      messageOnStart: () => false,
    });
  }

  protected override _serverListen(port: number): void {
    this.server.listen({ port, host: this.host });
  }
}

export interface PreviewServer {
  /** The address it listens on, as the system reports it. */
  readonly address: { readonly host: string; readonly port: number };
  /** Tells the open pages to load again. */
  reload(): void;
  close(): Promise<void>;
}

/** Serves `folder` on `host` and `port` (the next free one if taken); resolves once it listens. */
export async function startPreviewServer(folder: string, host: string, port: number): Promise<PreviewServer> {
  const server = new BoundDevServer(folder, host);
  server.serve(port);
  await server.ready();
  const bound = server.server.address();
  if (!bound || typeof bound === "string") throw new Error("the preview server did not start");
  const shown = bound.family === "IPv6" ? `[${bound.address}]` : bound.address;
  console.log(
    isLoopback(host)
      ? `[newsdesk] Preview at http://${shown}:${bound.port}/ (this computer only; NEWSDESK_HOST=0.0.0.0 opens it to the network)`
      : `[newsdesk] Preview at http://${shown}:${bound.port}/ (NEWSDESK_HOST=${host}: open to other computers, drafts and embargoed articles included)`,
  );
  return {
    address: { host: bound.address, port: bound.port },
    reload: () => server.reload({ files: ["index.html"] }),
    close: () => server.close(),
  };
}
