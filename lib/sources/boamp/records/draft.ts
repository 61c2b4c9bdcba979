/**
 * What a family parser reads from `donnees`, before it is merged with the record's top-level fields.
 * Every value set through `use` records its source path in `fieldsUsed` (Notice.raw provenance).
 */
import type {
  Award,
  Buyer,
  ContractNature,
  Cpv,
  Criterion,
  Lot,
  Money,
  NoticeType,
  Place,
  Reserved,
} from '@/lib/notice/schema';

export interface FamilyDraft {
  title?: string;
  description?: string;
  buyer: Partial<Buyer>;
  noticeType?: NoticeType;
  procedure?: string;
  contractNature?: ContractNature;
  /** Already converted to ISO with the Paris offset. */
  deadline?: string;
  publishedAt?: string;
  estimatedValue?: Money;
  cpv: Cpv[];
  place: Place;
  /** Postcode of the place of performance / buyer, used to choose among the record's départements. */
  postcodes: string[];
  lots: Lot[];
  criteria: Criterion[];
  reserved?: Reserved;
  socialSignals: string[];
  awards: Award[];
  /** Human text of the notice, in reading order, for `fullText`. */
  textParts: string[];
  fieldsUsed: string[];
  warnings: string[];
}

export function newDraft(): FamilyDraft {
  return {
    buyer: {},
    cpv: [],
    place: {},
    postcodes: [],
    lots: [],
    criteria: [],
    socialSignals: [],
    awards: [],
    textParts: [],
    fieldsUsed: [],
    warnings: [],
  };
}

/** Record that `path` was read when `value` is defined; returns the value (for one-line assignments). */
export function use<T>(draft: FamilyDraft, path: string, value: T | undefined): T | undefined {
  if (value !== undefined && !draft.fieldsUsed.includes(path)) draft.fieldsUsed.push(path);
  return value;
}

/** Add a text part (skipping empty and repeated pieces). */
export function addText(draft: FamilyDraft, ...parts: (string | undefined)[]): void {
  for (const p of parts) {
    const t = p?.trim();
    if (t && !draft.textParts.includes(t)) draft.textParts.push(t);
  }
}

export function addSignal(draft: FamilyDraft, signal: string): void {
  if (!draft.socialSignals.includes(signal)) draft.socialSignals.push(signal);
}
