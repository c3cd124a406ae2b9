import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { BUILD_CHANGES_NAME, type BuildChanges, parseBuildChanges } from "../output/buildChanges.ts";
import { SITE_MARKER, siteInFolder } from "../output/siteMarker.ts";
import { uploadGroups } from "../output/uploadHeaders.ts";
import { cacheFolder } from "../pipeline/persistentState.ts";

/**
 * `npm run upload:s3 -- --bucket B [--endpoint URL] [--prefix P]`: publishes the built site
 * to an S3 bucket, or an S3-compatible one (Cloudflare R2, MinIO) with `--endpoint`, for a CDN
 * to serve. It sends only what the last build changed, as `.cache/last-build-changes.txt`
 * lists it: the written files are uploaded and the removed ones deleted, when the bucket holds
 * the site those changes were made to (its marker, `.newsdesk-site`, says so: it is deleted
 * before anything changes and sent last).
 * Otherwise (a new bucket or prefix, an upload that did not finish), after a build that could
 * not compare with the last site (`kind full`), or with `--full`, it compares the whole
 * folder with the bucket by checksum and sends the difference, deleting what the site no
 * longer has. Each file is stored with its Cache-Control and Content-Type
 * (src/output/uploadHeaders.ts), everything a file links to before the file, deletions last.
 *
 * The uploader is rclone (Debian's `rclone`): it uploads a list of files in one run, many at
 * once, with the headers we give, and compares a folder with a bucket by MD5 in one listing.
 * Credentials come from the environment as for the AWS CLI (AWS_ACCESS_KEY_ID,
 * AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN, or a role).
 */
const USAGE =
  "usage: npm run upload:s3 -- --bucket NAME [--endpoint URL] [--prefix PATH] [--region REGION] [--site _site] [--changes .cache/last-build-changes.txt] [--full] [--dry-run]";

class UsageError extends Error {}

const { values } = parseArgs({
  options: {
    bucket: { type: "string" },
    /** An S3-compatible service's address (R2: https://<account id>.r2.cloudflarestorage.com). */
    endpoint: { type: "string" },
    /** A folder of the bucket to publish into (`news` puts `index.html` at `news/index.html`). */
    prefix: { type: "string", default: "" },
    region: { type: "string" },
    site: { type: "string", default: "_site" },
    changes: { type: "string", default: path.join(cacheFolder(process.cwd()), BUILD_CHANGES_NAME) },
    /** Compare everything with the bucket, whatever the last build changed (after a failed upload). */
    full: { type: "boolean", default: false },
    /** Say what would be sent and deleted, and change nothing. */
    "dry-run": { type: "boolean", default: false },
  },
});

/** The bucket folder rclone writes to, named by a remote defined in its environment (no config file). */
const REMOTE = "newsdesk";

function rcloneEnvironment(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    RCLONE_CONFIG_NEWSDESK_TYPE: "s3",
    RCLONE_CONFIG_NEWSDESK_PROVIDER: values.endpoint ? "Other" : "AWS",
    RCLONE_CONFIG_NEWSDESK_ENV_AUTH: "true",
    // Uploading needs no permission to list or create buckets.
    RCLONE_CONFIG_NEWSDESK_NO_CHECK_BUCKET: "true",
    // rclone sends an ACL with every upload; this one is the only one that buckets with ACLs
    // disabled (S3's default since 2023) accept, and it changes nothing where they are enabled.
    RCLONE_CONFIG_NEWSDESK_ACL: "bucket-owner-full-control",
  };
  if (values.endpoint) env.RCLONE_CONFIG_NEWSDESK_ENDPOINT = values.endpoint;
  const region = values.region ?? process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION;
  if (region) env.RCLONE_CONFIG_NEWSDESK_REGION = region;
  // Debian 12's rclone (1.60) cannot give AWS_CA_BUNDLE to its own HTTP client and stops;
  // its --ca-cert (added below) does the same job.
  delete env.AWS_CA_BUNDLE;
  return env;
}

/** Runs rclone, its messages shown as they come; the exit status is the caller's to judge. */
function rclone(args: readonly string[]): number | null {
  const caBundle = process.env.AWS_CA_BUNDLE;
  const result = spawnSync(
    "rclone",
    [...args, "--config", "", ...(caBundle ? ["--ca-cert", caBundle] : [])],
    {
      env: rcloneEnvironment(),
      stdio: ["ignore", "inherit", "inherit"],
    },
  );
  if ((result.error as NodeJS.ErrnoException | undefined)?.code === "ENOENT")
    throw new UsageError("rclone is not installed: on Debian, apt-get install rclone (docs/publishing.md)");
  if (result.error) throw result.error;
  return result.status;
}

/** Runs rclone to change the bucket (or, with --dry-run, to say how). */
function rcloneOrFail(args: readonly string[]): void {
  const status = rclone([...args, ...(values["dry-run"] ? ["--dry-run"] : [])]);
  if (status !== 0)
    throw new Error(
      `rclone ${args[0]} failed (exit ${status}); the bucket may be partly updated: run the upload again`,
    );
}

/** Every file of the site folder, relative to it with `/`. */
function siteFiles(site: string): string[] {
  return readdirSync(site, { recursive: true, encoding: "utf8" })
    .filter((name) => statSync(path.join(site, name)).isFile())
    .map((name) => name.split(path.sep).join("/"))
    .sort();
}

/**
 * The difference between the site folder and the bucket, by rclone's one-listing check:
 * `+` only in the folder, `*` in both but different, `-` only in the bucket, `=` the same.
 */
function compareWithBucket(site: string, remote: string, work: string): BuildChanges {
  const report = path.join(work, "combined.txt");
  const log = path.join(work, "check.log");
  writeFileSync(report, "");
  // It logs every difference as an error (each file, on a first upload): kept out of sight.
  rclone(["check", site, remote, "--fast-list", "--combined", report, "--log-file", log]);
  const lines = readFileSync(report, "utf8").split("\n").filter(Boolean);
  const marked = (mark: string) =>
    lines.filter((line) => line.startsWith(`${mark} `)).map((line) => line.slice(2));
  const accounted = marked("+").length + marked("*").length + marked("=").length;
  // rclone check exits 1 both for differences and for failing; a check that failed leaves
  // some files of the folder unaccounted for, or marks them `!`.
  if (marked("!").length > 0 || accounted !== siteFiles(site).length) {
    const said = existsSync(log) ? readFileSync(log, "utf8").trim().split("\n").slice(-10).join("\n") : "";
    throw new Error(`rclone could not compare ${site}/ with the bucket:\n${said}`);
  }
  return { kind: "full", written: [...marked("+"), ...marked("*")].sort(), removed: marked("-").sort() };
}

/** Which newsdesk site the bucket holds, by its marker (src/output/siteMarker.ts); undefined when none. */
function siteInBucket(remote: string, work: string): string | undefined {
  const copy = path.join(work, "bucket");
  // One object asked for; a bucket without it is no error (copied nothing, said in the log).
  rclone([
    "copyto",
    `${remote}/${SITE_MARKER}`,
    path.join(copy, SITE_MARKER),
    "--log-file",
    path.join(work, "marker.log"),
  ]);
  return siteInFolder(copy);
}

function fileCount(n: number): string {
  return `${n} file${n === 1 ? "" : "s"}`;
}

function readChanges(file: string): BuildChanges | undefined {
  if (!existsSync(file)) return undefined;
  const parsed = parseBuildChanges(readFileSync(file, "utf8"));
  if ("problem" in parsed)
    throw new UsageError(
      `${file}:${parsed.line}: ${parsed.problem}; run npm run build again, or upload with --full`,
    );
  return parsed.changes;
}

function upload(): void {
  const bucket = values.bucket?.trim();
  if (!bucket || /[/:\s]/.test(bucket))
    throw new UsageError(`--bucket must name a bucket, like my-newsroom\n${USAGE}`);
  const prefix = values.prefix.replace(/^\/+|\/+$/g, "");
  if (prefix.split("/").some((part) => part === "." || part === ".."))
    throw new UsageError(`--prefix must be a folder of the bucket, like news, not ${values.prefix}`);
  const site = values.site.replace(/\/+$/, "");
  if (!existsSync(path.join(site, "index.html")) || !existsSync(path.join(site, "404.html")))
    throw new UsageError(
      `${site}/ is not a site newsdesk built (it has no index.html and 404.html): run npm run build first`,
    );
  const remote = `${REMOTE}:${bucket}${prefix ? `/${prefix}` : ""}`;
  const where = `s3://${bucket}/${prefix ? `${prefix}/` : ""}`;

  const listed = values.full ? undefined : readChanges(values.changes);
  const work = mkdtempSync(path.join(tmpdir(), "newsdesk-upload-"));
  try {
    let changes: BuildChanges;
    if (listed?.kind === "incremental") {
      const missing = listed.written.find((file) => !existsSync(path.join(site, file)));
      if (missing !== undefined)
        throw new UsageError(
          `${values.changes} lists ${missing}, which ${site}/ does not have: the list is not this folder's; run npm run build again, or upload with --full`,
        );
    }
    const held = siteInBucket(remote, work);
    if (listed?.kind === "incremental" && listed.from !== undefined && held === listed.from) {
      changes = listed;
      console.log(
        `The last build wrote ${fileCount(listed.written.length)} and removed ${listed.removed.length}.`,
      );
    } else {
      const why = values.full
        ? "--full"
        : !listed
          ? `there is no ${values.changes}`
          : listed.kind === "full"
            ? "the last build could not compare with the site before it"
            : listed.from === undefined
              ? "the list does not name the site it was made to (an older newsdesk's list)"
              : `the bucket does not hold the site the last build changed (${held === undefined ? "it has no newsdesk site" : "it holds another one"}: a new bucket or prefix, or an upload that did not finish)`;
      console.log(`Comparing ${site}/ with ${where} (${why})...`);
      changes = compareWithBucket(site, remote, work);
      console.log(`${fileCount(changes.written.length)} to upload, ${changes.removed.length} to delete.`);
    }

    // The bucket names the site it holds only while it holds all of it: its marker goes before
    // anything changes and comes back last, after the deletions, so an upload stopped half
    // way leaves no marker and is compared in full next time.
    const changing = changes.written.length > 0 || changes.removed.length > 0;
    const markerTaken = changing && held !== undefined;
    if (markerTaken) rcloneOrFail(["deletefile", `${remote}/${SITE_MARKER}`]);
    const send = (files: readonly string[], name: string) => {
      for (const [n, group] of uploadGroups(files).entries()) {
        const list = path.join(work, `${name}-${n}.txt`);
        writeFileSync(list, `${group.files.join("\n")}\n`);
        console.log(
          `  ${group.files.length} × ${group.headers.contentType}, Cache-Control: ${group.headers.cacheControl}`,
        );
        rcloneOrFail([
          "copy",
          site,
          remote,
          "--files-from-raw",
          list,
          // Known to be new or changed: sent without asking the bucket first.
          "--no-check-dest",
          "--no-traverse",
          // Small files: many at once.
          "--transfers",
          "16",
          "--header-upload",
          `Cache-Control: ${group.headers.cacheControl}`,
          "--header-upload",
          `Content-Type: ${group.headers.contentType}`,
        ]);
      }
    };
    send(
      changes.written.filter((file) => file !== SITE_MARKER),
      "upload",
    );
    if (changes.removed.length > 0) {
      const list = path.join(work, "delete.txt");
      writeFileSync(list, `${changes.removed.join("\n")}\n`);
      // One listing of the whole prefix, then the listed files deleted: without --fast-list,
      // rclone 1.60 looks for them folder by folder and misses those two folders down.
      rcloneOrFail(["delete", remote, "--files-from-raw", list, "--fast-list"]);
    }
    // Sent whenever it was taken, even if unchanged (the bucket had the same site and strays).
    send(markerTaken || changes.written.includes(SITE_MARKER) ? [SITE_MARKER] : [], "marker");
    const [sent, deleted] = values["dry-run"] ? ["would upload", "would delete"] : ["uploaded", "deleted"];
    console.log(
      `${where}: ${sent} ${fileCount(changes.written.length)}, ${deleted} ${changes.removed.length}.`,
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

try {
  upload();
} catch (error) {
  console.error(
    error instanceof UsageError ? error.message : `The upload failed: ${(error as Error).message}`,
  );
  process.exitCode = 1;
}
