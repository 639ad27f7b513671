import { z } from 'zod';

/**
 * Prisma Access Third-Party Device-ID (api-contracts.md §3, seed 002). The seed's own example is not valid
 * JSON; these schemas follow the field table. Descriptive fields are optional: a network-only device often
 * lacks a model or OS.
 */
const text = z.string().nullish();
const count = z.union([z.number(), z.string().regex(/^\d+$/)]).transform(Number);

export const verdictSchema = z.object({
  ip: z.string(),
  /** Unix seconds. */
  updateTime: count.nullish(),
  /** Prisma spelling `06:f8:13:8b:16:c9`. */
  mac: text,
  category: text,
  vendor: text,
  model: text,
  os: text,
  osFamily: text,
  profile: text,
  hostname: text,
  serialNo: text,
});
export type Verdict = z.infer<typeof verdictSchema>;

export const verdictPageSchema = z.object({
  nextBookmark: z.string().nullish(),
  count: count.nullish(),
  verdicts: z
    .array(verdictSchema)
    .nullish()
    .transform((verdicts) => verdicts ?? []),
});
export type VerdictPage = z.infer<typeof verdictPageSchema>;

export const verdictStatisticsSchema = z.object({
  verdicts: z.object({ totalCount: count, totalUpdate: count.nullish(), totalDelete: count.nullish() }),
  requestRcvd: z
    .object({
      update: count.nullish(),
      deleteAll: count.nullish(),
      query: count.nullish(),
      statistics: count.nullish(),
    })
    .nullish(),
});
export type VerdictStatistics = z.infer<typeof verdictStatisticsSchema>;

/** Prisma's error body (seed 002): `{code, message}`. */
export const prismaErrorSchema = z.object({ code: z.union([z.number(), z.string()]), message: z.string() });

/**
 * The doc's end signal is ambiguous ("until count is empty"): any of `count == 0`, an empty `verdicts`
 * array, or a missing/empty `nextBookmark` ends the dump (api-contracts.md §3).
 */
export function isLastVerdictPage(page: VerdictPage): boolean {
  return page.count === 0 || page.verdicts.length === 0 || !page.nextBookmark;
}
