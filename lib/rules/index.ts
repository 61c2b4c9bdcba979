import { NoticeSchema, type Notice } from '@/lib/notice/schema';
import { AssessmentSchema, type Assessment, type Flag } from './types';
import { DEFAULT_PROFILE, ProfileSchema, type Profile } from './profile';
import { COMPILED_SIGNALS, MECHANISMS } from './mechanisms';
import type { RuleContext } from './mechanisms/types';
import { noticeSegments, scanSignals } from './text-signals';
import { lotAssessments, verdictAndScore } from './scoring';

/**
 * Rules core entry point: what a notice offers a Régie de Quartier, article by article.
 * `evaluate` parses its input (zod), never throws, and judges the notice with the thresholds in force on its
 * publication date (or `date` when given, or today).
 */

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

function problemFlag(id: string, title: string, explanation: string, titleEn: string, explanationEn: string, detail?: string): Flag {
  return {
    id,
    severity: 'warning',
    title,
    explanation,
    titleEn,
    explanationEn,
    legalBasis: [],
    evidence: detail ? [{ field: 'notice', quote: detail.slice(0, 200) }] : [],
  };
}

function judgedDate(notice: Notice | undefined, date: string | undefined): string {
  if (date && /^\d{4}-\d{2}-\d{2}/.test(date)) return date.slice(0, 10);
  const pub = notice?.publishedAt;
  if (pub) return pub.slice(0, 10);
  return today();
}

function lotIndex(notice: Notice): (n: string) => string | undefined {
  const byNumber = new Map<string, string>();
  for (const lot of notice.lots) {
    const digits = /(\d+)\s*$/.exec(lot.id) ?? /(\d+)/.exec(lot.id);
    if (digits?.[1]) {
      const key = String(Number(digits[1]));
      if (!byNumber.has(key)) byNumber.set(key, lot.id);
    }
  }
  return (n) => byNumber.get(String(Number(n)));
}

function assess(notice: Notice, profile: Profile, date: string): Assessment {
  const segments = noticeSegments(notice);
  const hits = scanSignals(segments, COMPILED_SIGNALS);
  const flags: Flag[] = [];
  const ctx: RuleContext = {
    notice,
    date,
    profile,
    segments,
    titleText: segments.find((s) => s.field === 'title')?.text ?? '',
    hits,
    socialSignals: new Set(notice.socialSignals.map((s) => s.toLowerCase())),
    lotIdForNumber: lotIndex(notice),
    earlier: flags,
  };
  for (const m of MECHANISMS) {
    try {
      flags.push(...m.assess(ctx));
    } catch (e) {
      // A mechanism bug must not hide the others: report it as a warning and go on.
      flags.push(
        problemFlag(
          'rule-error',
          `Règle « ${m.id} » non évaluée`,
          'Une erreur interne a empêché cette règle de s’appliquer ; les autres résultats restent valables.',
          `Rule "${m.id}" not evaluated`,
          'An internal error prevented this rule from running; other results stand.',
          e instanceof Error ? e.message : String(e),
        ),
      );
    }
  }
  const lots = lotAssessments(notice, flags, profile);
  const { verdict, score } = verdictAndScore(notice, flags, lots, profile);
  return { verdict, score, flags, lots, judgedAt: date };
}

export function evaluate(notice: unknown, profile: Profile = DEFAULT_PROFILE, date?: string): Assessment {
  const safeDate = typeof date === 'string' ? date : undefined;
  try {
    const parsed = NoticeSchema.safeParse(notice);
    if (!parsed.success) {
      return {
        verdict: 'no',
        score: 0,
        flags: [
          problemFlag(
            'invalid-notice',
            'Avis illisible',
            'Les données de l’avis ne sont pas dans le format attendu : aucune analyse n’a pu être faite.',
            'Unreadable notice',
            'The notice data is not in the expected format: no assessment could be made.',
            parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`).join(' ; '),
          ),
        ],
        lots: [],
        judgedAt: judgedDate(undefined, safeDate),
      };
    }
    const prof = ProfileSchema.safeParse(profile);
    return assess(parsed.data, prof.success ? prof.data : DEFAULT_PROFILE, judgedDate(parsed.data, safeDate));
  } catch (e) {
    return {
      verdict: 'no',
      score: 0,
      flags: [
        problemFlag('rule-error', 'Analyse interrompue', 'Une erreur interne a interrompu l’analyse de cet avis.', 'Assessment interrupted', 'An internal error interrupted the assessment.', e instanceof Error ? e.message : String(e)),
      ],
      lots: [],
      judgedAt: safeDate ?? today(),
    };
  }
}

export { AssessmentSchema };
export type { Assessment };
