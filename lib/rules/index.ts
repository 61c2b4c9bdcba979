import { NoticeSchema } from '@/lib/notice/schema';
import type { Assessment } from './types';
import { DEFAULT_PROFILE, type Profile } from './profile';

/**
 * Rules core entry point (first cut): parses the notice, never throws. Mechanisms are added in lib/rules/mechanisms.
 */
export function evaluate(notice: unknown, profile: Profile = DEFAULT_PROFILE, date?: string): Assessment {
  void profile;
  const parsed = NoticeSchema.safeParse(notice);
  const judgedAt = date ?? new Date().toISOString().slice(0, 10);
  if (!parsed.success) {
    return {
      verdict: 'no',
      score: 0,
      flags: [
        {
          id: 'invalid-notice',
          severity: 'warning',
          title: 'Avis illisible',
          explanation: "Les données de l'avis ne sont pas dans le format attendu : aucune analyse n'a pu être faite.",
          titleEn: 'Unreadable notice',
          explanationEn: 'The notice data is not in the expected format: no assessment could be made.',
          legalBasis: [],
          evidence: [],
        },
      ],
      lots: [],
      judgedAt,
    };
  }
  return { verdict: 'maybe', score: 0, flags: [], lots: [], judgedAt };
}
