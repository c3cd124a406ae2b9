import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css",
  ".js": "text/javascript",
  ".json": "application/json",
  ".xml": "application/xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".webp": "image/webp",
  ".avif": "image/avif",
};

/**
 * Serves a built site as any static host would: files as they are, `index.html` for
 * folders, `404.html` for anything else. Under a path prefix, only URLs below it resolve.
 */
export async function serveFolder(
  root: string,
  prefix = "/",
): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((request, response) => {
    let pathname = "";
    try {
      pathname = decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname);
    } catch {
      response.writeHead(400).end();
      return;
    }
    let file: string | undefined;
    if (pathname.startsWith(prefix)) {
      const candidate = path.join(root, pathname.slice(prefix.length));
      if ((candidate === root || candidate.startsWith(`${root}${path.sep}`)) && existsSync(candidate)) {
        file = statSync(candidate).isDirectory() ? path.join(candidate, "index.html") : candidate;
      }
    }
    if (!file || !existsSync(file)) {
      response.writeHead(404, { "content-type": TYPES[".html"] });
      const notFound = path.join(root, "404.html");
      if (existsSync(notFound)) createReadStream(notFound).pipe(response);
      else response.end("not found");
      return;
    }
    response.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
