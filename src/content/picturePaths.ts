import { isSitePath, normaliseSrc } from "../domain/urls.ts";

/**
 * What is wrong with a picture's path by itself, before any file is looked at: a picture on
 * another site, or a path that climbs out of the content folder. The build and `npm run
 * check` ask this first (pictureFiles.ts); the web editor, which sees no files, asks only
 * this before saving.
 */
export function picturePathProblem(src: string): string | undefined {
  return (
    offSitePictureProblem(src) ??
    (normaliseSrc(src).split("/").includes("..") ? leadsOutside(src) : undefined)
  );
}

/** A picture that is not a file of the site, said as every check says it. */
export function offSitePictureProblem(src: string): string | undefined {
  if (isSitePath(src)) return undefined;
  const remote = /^(?:https?:)?[\\/]{2}/i.test(src) || /^https?:/i.test(src);
  return `"${src}" ${remote ? "is on another host" : "is not a file of the site"}; put the picture under content/images/ and write its path`;
}

export function leadsOutside(src: string): string {
  return `"${src}" leads outside the content folder, which is never published; put the picture under content/images/ and write its path`;
}
