import { z } from 'zod';
import { SourceIdSchema } from '@/lib/notice/schema';

/**
 * What the "Analyser cette page" script returns to the popup through `scripting.executeScript` (structured-clone
 * data, parsed with zod on arrival: it crosses a boundary).
 */
export const AnalyseResultSchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    source: SourceIdSchema,
    kind: z.enum(['notice', 'list']),
    title: z.string(),
    buyer: z.string(),
    /** Verdict of the notice (absent for a list page: each row has its own badge). */
    verdict: z.enum(['opportunity', 'maybe', 'no']).optional(),
    score: z.number().optional(),
    /** Titles of the strongest flags (French). */
    reasons: z.array(z.string()),
    /** Number of rows badged on a list page. */
    rows: z.number().int().nonnegative().optional(),
  }),
  z.object({ ok: z.literal(false), reason: z.string() }),
]);
export type AnalyseResult = z.infer<typeof AnalyseResultSchema>;

/** Turns whatever `executeScript` gave back into a result, never throwing. */
export function parseAnalyseResult(raw: unknown): AnalyseResult {
  const parsed = AnalyseResultSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  return { ok: false, reason: "L'analyse n'a rien renvoyé (page protégée ou script bloqué)." };
}
