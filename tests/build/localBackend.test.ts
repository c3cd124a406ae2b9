import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { type LocalBackend, startLocalBackend } from "../../src/eleventy/localBackend.ts";
import { freePort, listeningAddresses } from "../helpers/network.ts";

/**
 * The web editor's local backend (`npm start`): decap-server behind a guard. It writes files,
 * so it must listen on this computer only, answer only to this computer's names and pages,
 * and write nowhere but the content folder.
 */
const project = mkdtempSync(path.join(tmpdir(), "newsdesk-backend-"));
const content = path.join(project, "content");
mkdirSync(path.join(content, "articles"), { recursive: true });
writeFileSync(path.join(project, "package.json"), "{}\n");
let backend: LocalBackend;
let port: number;

before(async () => {
  port = await freePort();
  const started = await startLocalBackend({ contentDir: content, port });
  assert.ok(started, "a folder named content/ gets its backend");
  backend = started;
});
after(() => backend?.close());

/** One POST of decap-server's API, as the editor's page sends it; its status and body. */
function call(
  body: unknown,
  headers: Record<string, string> = {},
  payload = JSON.stringify(body),
): Promise<{ readonly status: number; readonly text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: "127.0.0.1",
        port,
        path: "/api/v1",
        method: "POST",
        headers: { host: `localhost:${port}`, "content-type": "application/json", ...headers },
      },
      (response) => {
        let text = "";
        response.on("data", (chunk) => {
          text += chunk;
        });
        response.on("end", () => resolve({ status: response.statusCode ?? 0, text }));
      },
    );
    req.on("error", reject);
    req.end(payload);
  });
}

/** Decap's request to write one file. */
function persist(file: string) {
  return {
    action: "persistEntry",
    params: {
      branch: "main",
      entry: { slug: "x", path: file, raw: "written by the web editor\n" },
      assets: [],
      options: {
        collectionName: "articles",
        commitMessage: "Create Article x",
        useWorkflow: false,
        status: "draft",
      },
    },
  };
}

describe("the web editor's local backend", () => {
  test("listens on 127.0.0.1 only", async () => {
    assert.equal(backend.address.host, "127.0.0.1");
    assert.deepEqual(listeningAddresses(port), ["127.0.0.1"]);
    const info = await call({ action: "info", params: { branch: "main" } });
    assert.equal(info.status, 200, info.text);
    assert.equal(JSON.parse(info.text).type, "local_fs");
  });

  test("answers only to this computer's names and pages: no DNS rebinding, no other site's page", async () => {
    const info = { action: "info", params: { branch: "main" } };
    assert.equal((await call(info, { host: `evil.example:${port}` })).status, 403);
    assert.equal((await call(info, { origin: "https://evil.example" })).status, 403);
    assert.equal((await call(info, { origin: "http://localhost:8080" })).status, 200);
  });

  test("a port already taken, or a folder not named content/: the preview goes on without it, saying why", async () => {
    assert.equal(await startLocalBackend({ contentDir: content, port }), undefined);
    assert.equal(
      await startLocalBackend({ contentDir: path.join(project, "elsewhere"), port: await freePort() }),
      undefined,
    );
    // The first one still answers.
    assert.equal((await call({ action: "info", params: { branch: "main" } })).status, 200);
  });

  test("writes articles in the content folder, and nothing outside it", async () => {
    const written = await call(persist("content/articles/harbour.md"));
    assert.equal(written.status, 200, written.text);
    assert.equal(
      readFileSync(path.join(content, "articles/harbour.md"), "utf8"),
      "written by the web editor\n",
    );
    for (const outside of [
      "package.json",
      "content/../package.json",
      "/etc/passwd",
      "contentx/a.md",
      ".github/workflows/x.yml",
    ]) {
      const refused = await call(persist(outside));
      assert.equal(refused.status, 403, outside);
      assert.match(JSON.parse(refused.text).error, /writes only in content\//);
    }
    assert.equal(readFileSync(path.join(project, "package.json"), "utf8"), "{}\n");
    assert.ok(!existsSync(path.join(project, ".github")));
    // A request whose paths cannot be read is not passed on.
    assert.equal((await call(undefined, {}, "{ not json")).status, 403);
  });
});
