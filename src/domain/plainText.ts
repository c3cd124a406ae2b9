import { z } from "zod";

/**
 * Control characters (other than tab and line breaks) are invisible in an editor, usually
 * pasted in by accident, and not allowed in XML: one in a headline would make every feed
 * unreadable. Text fields refuse them, and so does an article's body.
 *
 * Written as a character class without the `u` flag (Unicode's Cc is U+0000-U+001F and
 * U+007F-U+009F), so that the web editor's field rules, which are regular expressions in
 * its configuration, can say the same.
 */
export const CONTROL_CHARACTERS = "[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f-\\x9f]";
const CONTROL = new RegExp(CONTROL_CHARACTERS);

/** What is wrong with a control character, and the fix; `code` names it (`U+0001`) when known. */
export function controlCharacterMessage(code?: string): string {
  return `holds an invisible control character${code ? ` (${code})` : ""}; delete it (it was probably pasted in with the text)`;
}

/** The first control character in `text`: where it is and what to do about it. */
export function controlCharacterIn(
  text: string,
): { readonly index: number; readonly message: string } | undefined {
  const found = CONTROL.exec(text);
  if (!found) return undefined;
  const code = found[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, "0");
  return { index: found.index, message: controlCharacterMessage(`U+${code}`) };
}

/** Text as editors and the site's settings write it: any characters but control characters. */
export const plainText = z.string().superRefine((text, ctx) => {
  const found = controlCharacterIn(text);
  if (found) ctx.addIssue({ code: "custom", message: found.message });
});
