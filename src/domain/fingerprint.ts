import { createHash } from "node:crypto";

/**
 * A short fingerprint of some text: files are told apart by theirs between builds, and a
 * page is rendered again only when the fingerprint of what it shows changes.
 */
export function fingerprint(text: string | Uint8Array): string {
  return createHash("sha1").update(text).digest("base64url");
}
