import type { BodyFacts } from "./bodyFacts.ts";

/** A plain page (About Us, Contact Us, ...) from `content/pages/<slug>.md`. */
export interface PlainPage {
  readonly file: string;
  /** A fingerprint of the file (its path and text): the same file, the same version. */
  readonly version: string;
  readonly slug: string;
  readonly url: string;
  readonly title: string;
  readonly description: string | undefined;
  readonly body: string;
  /** The file line where the body starts, for problems found in it. */
  readonly bodyLine: number;
  /** What the body holds: pictures, links, how deep it nests. */
  readonly facts: BodyFacts;
}
