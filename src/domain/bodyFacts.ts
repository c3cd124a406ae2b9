/**
 * What the checks and the picture processing need to know of a body: its pictures, its
 * links and where (if anywhere) its quotes or lists nest too deep. Read from the text alone
 * (src/markdown/bodyFacts.ts), so it is kept with the article from build to build.
 */
export interface BodyFacts {
  readonly pictures: readonly BodyPicture[];
  readonly links: readonly BodyLink[];
  /** Line (from 0) where quotes or lists first nest too deep, if they do. */
  readonly tooDeepAt: number | undefined;
  /** The first paragraph as plain text, cut at a word: the summary when an editor gives none. */
  readonly firstParagraph: string;
}

/** A picture the body shows: Markdown (reference-style too) or an `<img>` tag. */
export interface BodyPicture {
  /** As the editor wrote it (entities and %-escapes decoded): a path, or a URL. */
  readonly src: string;
  /** The text alternative; undefined for an `<img>` without an `alt` attribute. */
  readonly alt: string | undefined;
  /** Written as an `<img>` tag rather than Markdown. */
  readonly isTag: boolean;
  /** Line in the body, from 0. */
  readonly line: number;
}

/** A link the body makes: Markdown, an autolink, a bare URL, or `<a href>`. */
export interface BodyLink {
  readonly href: string;
  readonly line: number;
}
