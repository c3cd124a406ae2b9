import { closeSync, openSync, readSync } from "node:fs";
import { normaliseSrc } from "../domain/urls.ts";
import type { ContentFolder } from "./contentFolder.ts";
import { leadsOutside, offSitePictureProblem } from "./picturePaths.ts";

/**
 * The pictures editors may use, told apart by their first bytes (no decoding: checking
 * 10,000 articles must stay quick). SVG is not among them: a picture is published as it is
 * beside the pages, and an SVG opened on its own runs the scripts it carries.
 */
const FORMATS: readonly { readonly name: string; readonly matches: (header: Buffer) => boolean }[] = [
  { name: "JPEG", matches: (h) => h[0] === 0xff && h[1] === 0xd8 && h[2] === 0xff },
  { name: "PNG", matches: (h) => h.subarray(0, 8).equals(Buffer.from("\x89PNG\r\n\x1a\n", "latin1")) },
  { name: "GIF", matches: (h) => h.toString("latin1", 0, 4) === "GIF8" },
  {
    name: "WebP",
    matches: (h) => h.toString("latin1", 0, 4) === "RIFF" && h.toString("latin1", 8, 12) === "WEBP",
  },
  {
    name: "AVIF",
    matches: (h) => h.toString("latin1", 4, 8) === "ftyp" && /^avi[fs]$/.test(h.toString("latin1", 8, 12)),
  },
];

const FORMAT_NAMES = FORMATS.map((format) => format.name).join(", ");

/**
 * Says what is wrong with a picture an editor names (relative to the content folder), or
 * undefined when it is a picture inside the folder. Each path is looked at once per check.
 */
export type PictureCheck = (src: string) => string | undefined;

export function pictureCheck(content: ContentFolder): PictureCheck {
  const known = new Map<string, string | undefined>();
  return (src) => {
    const offSite = offSitePictureProblem(src);
    if (offSite) return offSite;
    const relative = normaliseSrc(src);
    if (!known.has(relative)) known.set(relative, problemOf(content, src, relative));
    return known.get(relative);
  };
}

function problemOf(content: ContentFolder, src: string, relative: string): string | undefined {
  const located = content.locate(relative);
  switch (located.kind) {
    case "missing":
      return `no file at ${content.label(relative)}; check the path and the file name`;
    case "outside":
      return leadsOutside(src);
    case "loop":
      return `"${src}" is a symbolic link that leads back to itself; put the picture itself there`;
    case "folder":
      return `"${src}" is a folder; write the path of the picture file in it`;
    case "file": {
      const header = readHeader(located.absolute);
      if (FORMATS.some((format) => format.matches(header))) return undefined;
      return `"${src}" is not a picture newsdesk can publish (${FORMAT_NAMES}; not SVG, which can carry scripts); save it again as one of those`;
    }
  }
}

function readHeader(file: string): Buffer {
  const header = Buffer.alloc(16);
  const fd = openSync(file, "r");
  try {
    readSync(fd, header, 0, header.length, 0);
  } finally {
    closeSync(fd);
  }
  return header;
}
