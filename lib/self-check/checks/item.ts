import type { Evidence } from '@/lib/rules/types';
import type { CheckStatus, SelfCheckItem } from '../types';

/** One check's result; `parameters` always present (empty when nothing dated was used). */
export function item(
  id: string,
  status: CheckStatus,
  title: string,
  explanation: string,
  legalBasis: readonly string[],
  evidence: readonly Evidence[] = [],
  parameters: Record<string, string | number | boolean> = {},
): SelfCheckItem {
  return { id, status, title, explanation, legalBasis: [...legalBasis], evidence: [...evidence], parameters };
}
