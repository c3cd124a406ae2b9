/** Anything with a Markdown body that becomes a page: an article or a plain page. */
export interface Written {
  /** Project-relative source path: the key of its body in a BodyLookup. */
  readonly file: string;
  readonly body: string;
}

/** The finished HTML of each body, by source file. */
export type BodyLookup = ReadonlyMap<string, string>;

/** The finished body of one page: every body is rendered before any page or search document. */
export function bodyOf(bodies: BodyLookup, item: Written): string {
  const html = bodies.get(item.file);
  if (html === undefined) throw new Error(`no body was rendered for ${item.file}`);
  return html;
}
