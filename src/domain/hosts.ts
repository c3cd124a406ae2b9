/**
 * The static hosts a newsroom can name in `site.json` (`"host": "netlify"`), so the build
 * can warn when the site outgrows what that host takes (src/output/hostLimits.ts).
 * `s3` is any S3-compatible bucket: Amazon S3, Cloudflare R2 and the like.
 */
export const HOSTS = ["github-pages", "cloudflare-pages", "netlify", "s3"] as const;

export type Host = (typeof HOSTS)[number];

export function isHost(name: string): name is Host {
  return (HOSTS as readonly string[]).includes(name);
}
