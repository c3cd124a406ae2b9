import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { XMLParser } from "fast-xml-parser";
import S3rver from "s3rver";

/** An S3-compatible server on this machine (s3rver) with one bucket, for the upload tests. */
export interface LocalBucket {
  readonly endpoint: string;
  readonly name: string;
  /** The keys stored (PUT) and deleted since the last `clearLog`, in order. */
  readonly log: { readonly stored: string[]; readonly deleted: string[] };
  clearLog(): void;
  /** Each object under `prefix`: its key without the prefix, its ETag (the MD5 of its bytes) and size. */
  objects(prefix: string): Promise<Map<string, { readonly etag: string; readonly size: number }>>;
  get(key: string): Promise<Response>;
  put(key: string, body: string): Promise<void>;
  close(): Promise<void>;
}

/** The credentials s3rver accepts. */
export const LOCAL_CREDENTIALS = { AWS_ACCESS_KEY_ID: "S3RVER", AWS_SECRET_ACCESS_KEY: "S3RVER" } as const;

interface ListBucketResult {
  readonly IsTruncated?: string;
  readonly Contents?: readonly { readonly Key: string; readonly ETag: string; readonly Size: string }[];
}

export async function startLocalBucket(name = "newsroom"): Promise<LocalBucket> {
  const server = new S3rver({
    address: "127.0.0.1",
    port: 0,
    silent: true,
    directory: mkdtempSync(path.join(tmpdir(), "newsdesk-s3-")),
    configureBuckets: [{ name }],
  });
  const log = { stored: [] as string[], deleted: [] as string[] };
  server.on("event", (event) => {
    for (const record of event.Records) {
      if (record.eventName.startsWith("ObjectCreated:")) log.stored.push(record.s3.object.key);
      if (record.eventName.startsWith("ObjectRemoved:")) log.deleted.push(record.s3.object.key);
    }
  });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  const parser = new XMLParser({ parseTagValue: false, isArray: (tag) => tag === "Contents" });
  return {
    endpoint,
    name,
    log,
    clearLog() {
      log.stored.length = 0;
      log.deleted.length = 0;
    },
    async objects(prefix) {
      const found = new Map<string, { etag: string; size: number }>();
      let marker = "";
      for (;;) {
        // ListObjects (version 1), which s3rver answers; the last key is the next page's marker.
        const query = new URLSearchParams({ prefix, marker });
        const response = await fetch(`${endpoint}/${name}?${query}`);
        const page = parser.parse(await response.text()).ListBucketResult as ListBucketResult;
        const contents = page.Contents ?? [];
        for (const object of contents) {
          found.set(object.Key.slice(prefix.length), {
            etag: object.ETag.replaceAll('"', ""),
            size: Number(object.Size),
          });
        }
        if (page.IsTruncated !== "true" || contents.length === 0) return found;
        marker = contents.at(-1)?.Key ?? "";
      }
    },
    get: (key) => fetch(`${endpoint}/${name}/${key}`),
    async put(key, body) {
      const response = await fetch(`${endpoint}/${name}/${key}`, { method: "PUT", body });
      if (!response.ok) throw new Error(`PUT ${key}: ${response.status}`);
    },
    close: () => server.close(),
  };
}
