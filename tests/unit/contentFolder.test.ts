import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, test } from "node:test";
import { contentFolder } from "../../src/content/contentFolder.ts";
import { pictureCheck } from "../../src/content/pictureFiles.ts";

const root = mkdtempSync(path.join(tmpdir(), "newsdesk-folder-"));
const dir = path.join(root, "content");
mkdirSync(path.join(dir, "images"), { recursive: true });
writeFileSync(path.join(root, "secret.png"), Buffer.from("\x89PNG\r\n\x1a\n0000", "latin1"));
writeFileSync(path.join(dir, "images/a.png"), Buffer.from("\x89PNG\r\n\x1a\n0000", "latin1"));
writeFileSync(
  path.join(dir, "images/b.svg"),
  '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
);
symlinkSync(path.join(root, "secret.png"), path.join(dir, "images/out.png"));
symlinkSync("a.png", path.join(dir, "images/in.png"));
symlinkSync("loop.png", path.join(dir, "images/loop.png"));
mkdirSync(path.join(root, "elsewhere"));
writeFileSync(path.join(root, "elsewhere/c.png"), Buffer.from("\x89PNG\r\n\x1a\n0000", "latin1"));
symlinkSync(path.join(root, "elsewhere"), path.join(dir, "linked-out"));
symlinkSync("images", path.join(dir, "linked-in"));
const content = contentFolder(dir);

describe("the content folder: nothing outside it is read", () => {
  test("each path says where it leads, after symbolic links", () => {
    assert.equal(content.locate("images/a.png").kind, "file");
    assert.equal(content.locate("images/in.png").kind, "file");
    assert.equal(content.locate("images/out.png").kind, "outside");
    assert.equal(content.locate("../secret.png").kind, "outside");
    assert.equal(content.locate("images/loop.png").kind, "loop");
    assert.equal(content.locate("images").kind, "folder");
    assert.equal(content.locate("images/none.png").kind, "missing");
    // A plain file in a folder that is itself a link: where the folder leads decides.
    assert.equal(content.locate("linked-out/c.png").kind, "outside");
    assert.equal(content.locate("linked-in/a.png").kind, "file");
  });

  test("pictures are told by their first bytes; SVG and other hosts are refused", () => {
    const check = pictureCheck(content);
    assert.equal(check("images/a.png"), undefined);
    assert.equal(check("/images/in.png"), undefined);
    assert.match(check("images/b.svg") ?? "", /is not a picture newsdesk can publish .*not SVG/);
    assert.match(check("images/out.png") ?? "", /leads outside the content folder/);
    assert.match(check("https://cdn.example/a.png") ?? "", /is on another host/);
    assert.match(check("data:image/png;base64,AAAA") ?? "", /is not a file of the site/);
  });
});
