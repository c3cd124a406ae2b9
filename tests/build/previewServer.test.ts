import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { request } from "node:http";
import { networkInterfaces } from "node:os";
import { after, before, describe, test } from "node:test";
import { type Preview, startPreview } from "../../tools/previewProcess.ts";
import { PROJECT, tempOutput } from "../helpers/build.ts";
import { makeFixtureContent, validFields } from "../helpers/fixtureSite.ts";
import { freePort, listeningAddresses } from "../helpers/network.ts";

/**
 * `npm start` serves drafts and embargoed articles: it must listen on this computer only
 * unless told otherwise, and answer hostile paths at once (found in the adversarial review).
 */
const content = makeFixtureContent({ articles: { "good.md": { fields: validFields() } } });

/** One GET with the path sent exactly as written (no client normalising `..`); its status, or an error code. */
function get(host: string, port: number, rawPath: string, hostHeader?: string): Promise<number | string> {
  return new Promise((resolve) => {
    const headers = hostHeader ? { host: hostHeader } : {};
    const req = request({ host, port, path: rawPath, method: "GET", timeout: 3000, headers }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    req.on("timeout", () => {
      req.destroy();
      resolve("timeout");
    });
    req.on("error", (error: NodeJS.ErrnoException) => resolve(error.code ?? "error"));
    req.end();
  });
}

/** An address of this machine that is not loopback, if it has one. */
function otherAddress(): string | undefined {
  return Object.values(networkInterfaces())
    .flat()
    .find((entry) => entry && entry.family === "IPv4" && !entry.internal)?.address;
}

describe("the preview server (npm start)", () => {
  let preview: Preview;
  let port: number;

  before(async () => {
    port = await freePort();
    preview = await startPreview(content, tempOutput(), { port, env: { SOURCE_DATE_EPOCH: "1795600000" } });
  });
  after(() => preview.stop());

  test("listens on 127.0.0.1 only, and says so", async () => {
    assert.match(
      preview.log(),
      new RegExp(`Preview at http://127\\.0\\.0\\.1:${port}/ \\(this computer only`),
    );
    assert.deepEqual(listeningAddresses(port), ["127.0.0.1"]);
    assert.equal(await get("127.0.0.1", port, "/economy/2016-11-05/good/"), 200);
    const other = otherAddress();
    if (other) assert.equal(await get(other, port, "/"), "ECONNREFUSED");
  });

  test("answers only to this computer's names: a page elsewhere cannot read the drafts by DNS rebinding", async () => {
    assert.equal(await get("127.0.0.1", port, "/", `localhost:${port}`), 200);
    assert.equal(await get("127.0.0.1", port, "/", `evil.example:${port}`), 403);
  });

  test("answers hostile paths with 400 at once, and goes on serving", async () => {
    for (const hostile of [
      "/..%2f..%2f..%2fetc%2fpasswd",
      "/%2e%2e/%2e%2e/etc/passwd",
      "/x/%E0%A4%A",
      "/a%00b/",
      "/..\\..\\etc",
    ]) {
      assert.equal(await get("127.0.0.1", port, hostile), 400, hostile);
    }
    assert.equal(await get("127.0.0.1", port, "/economy/"), 200);
  });
});

describe("NEWSDESK_HOST", () => {
  test("0.0.0.0 opens the preview to the network, and the first line says so", async () => {
    const port = await freePort();
    const preview = await startPreview(content, tempOutput(), {
      port,
      env: { SOURCE_DATE_EPOCH: "1795600000", NEWSDESK_HOST: "0.0.0.0" },
    });
    try {
      assert.match(preview.log(), /NEWSDESK_HOST=0\.0\.0\.0: open to other computers/);
      assert.deepEqual(listeningAddresses(port), ["0.0.0.0"]);
    } finally {
      preview.stop();
    }
  });

  test("an address that is not one is named, without a stack trace", () => {
    const result = spawnSync(process.execPath, ["--import", "tsx", "src/cli/start.ts", "--watch-only"], {
      cwd: PROJECT,
      encoding: "utf8",
      env: { ...process.env, NEWSDESK_CONTENT: content, NEWSDESK_HOST: "news desk!" },
    });
    assert.equal(result.status, 1);
    assert.match(result.stderr, /^environment: NEWSDESK_HOST: "news desk!" is not an address to listen on/m);
    assert.doesNotMatch(result.stderr, /\n\s+at /);
  });
});
