import { z } from "zod";

/** `content/_data/popular.json`: the analytics export of the last 24 hours, written by a machine. */
export const popularExportSchema = z.strictObject({
  exportedAt: z.iso.datetime({ offset: true }),
  pages: z.array(z.strictObject({ path: z.string().min(1), views: z.number().int().nonnegative() })),
});
export type PopularExport = z.infer<typeof popularExportSchema>;

export const POPULAR_FILE = "_data/popular.json";
