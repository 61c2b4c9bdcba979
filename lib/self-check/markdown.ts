import { STATUS_LABELS, type SelfCheckReport } from './types';

/** Markdown export of a report (download from the page). Notice words are quoted as text, never interpreted. */

function esc(s: string): string {
  // Keep the notice's words inert in Markdown renderers: escape characters that start markup.
  return s.replace(/([\\`*_[\]<>|#])/g, '\\$1').replace(/\s+/g, ' ').trim();
}

function formatParam(v: string | number | boolean): string {
  if (typeof v === 'boolean') return v ? 'oui' : 'non';
  return String(v);
}

export function reportToMarkdown(report: SelfCheckReport): string {
  const lines: string[] = [];
  lines.push(`# Auto-contrôle de l’avis : ${esc(report.noticeTitle || report.noticeId || 'avis sans titre')}`);
  lines.push('');
  if (report.buyerName) lines.push(`- Acheteur : ${esc(report.buyerName)}`);
  if (report.noticeId) lines.push(`- Référence : ${esc(report.noticeId)}`);
  if (report.noticeUrl) lines.push(`- Adresse : ${report.noticeUrl.replace(/[\s<>]/g, '')}`);
  const dateSource = report.judgedAtSource === 'publication' ? 'date de publication' : report.judgedAtSource === 'given' ? 'date choisie' : 'date du jour (projet)';
  lines.push(`- Seuils et obligations en vigueur au : ${report.judgedAt} (${dateSource})`);
  const s = report.summary;
  lines.push(`- Bilan : ${s.ok ?? 0} conforme(s), ${s['a-revoir'] ?? 0} à revoir, ${s.manquant ?? 0} manquant(s), ${s['non-applicable'] ?? 0} non applicable(s)`);
  lines.push('');
  for (const w of report.warnings) lines.push(`> ${esc(w)}`);
  if (report.warnings.length > 0) lines.push('');
  lines.push('## Vérifications');
  lines.push('');
  for (const c of report.checks) {
    lines.push(`### ${STATUS_LABELS[c.status]} — ${esc(c.title)}`);
    lines.push('');
    lines.push(esc(c.explanation));
    lines.push('');
    if (c.legalBasis.length > 0) lines.push(`- Base : ${c.legalBasis.map(esc).join(' ; ')}`);
    for (const e of c.evidence) lines.push(`- Extrait${e.field ? ` (${esc(e.field)})` : ''} : « ${esc(e.quote ?? '')} »`);
    const params = Object.entries(c.parameters);
    if (params.length > 0) lines.push(`- Paramètres : ${params.map(([k, v]) => `${esc(k)} = ${esc(formatParam(v))}`).join(' ; ')}`);
    lines.push(`- Identifiant : \`${c.id}\``);
    lines.push('');
  }
  lines.push('## Leviers sociaux possibles');
  lines.push('');
  if (report.suggestions.length === 0) lines.push('Aucune suggestion supplémentaire.');
  for (const g of report.suggestions) {
    lines.push(`### ${esc(g.title)}`);
    lines.push('');
    lines.push(esc(g.explanation));
    lines.push('');
    lines.push(`- Base : ${g.legalBasis.map(esc).join(' ; ')}`);
    for (const e of g.evidence) lines.push(`- Dans l’avis : « ${esc(e.quote ?? '')} »`);
    lines.push('');
  }
  lines.push('---');
  lines.push('Rapport indicatif produit par Régie Radar : il ne remplace pas l’avis d’un juriste. Les numéros d’articles signalés « à confirmer » n’ont pas pu être vérifiés.');
  return `${lines.join('\n')}\n`;
}
