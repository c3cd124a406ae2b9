import { z } from "zod";

/**
 * Control characters (other than tab and line breaks) are invisible in an editor, usually
 * pasted in by accident, and not allowed in XML: one in a headline would make every feed
 * unreadable. Text fields refuse them, and so does an article's body.
 */
const CONTROL = /(?![\t\n\r])\p{Cc}/u;

/** The first control character in `text`: where it is and what to do about it. */
export function controlCharacterIn(
  text: string,
): { readonly index: number; readonly message: string } | undefined {
  const found = CONTROL.exec(text);
  if (!found) return undefined;
  const code = found[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, "0");
  return {
    index: found.index,
    message: `holds an invisible control character (U+${code}); delete it (it was probably pasted in with the text)`,
  };
}

/** Text as editors and the site's settings write it: any characters but control characters. */
export const plainText = z.string().superRefine((text, ctx) => {
  const found = controlCharacterIn(text);
  if (found) ctx.addIssue({ code: "custom", message: found.message });
});
