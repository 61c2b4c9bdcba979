import { evaluate } from '@/lib/rules';
import { labelCpvList, loadCpvLabels } from '@/lib/notice/cpv-labels';
import type { Notice } from '@/lib/notice/schema';
import { InputError, loadNoticesFromFile } from './load-input';

/**
 * `npm run --silent assess -- <file> [--url <url>] [--date YYYY-MM-DD]`
 * Prints `{ "notice": …, "assessment": … }` (an array of them when the file holds several records) as JSON on
 * stdout and nothing else. Errors go to stderr: exit 1 for usage or an unreadable file, 2 for a file with no notice.
 */

const USAGE = `Usage : npm run --silent assess -- <fichier> [--url <url>] [--date AAAA-MM-JJ]
  <fichier>  enregistrement BOAMP (JSON/JSONL), avis eForms ou BOAMP (XML), page HTML enregistrée ou texte
  --url      adresse de la page (choisit l'extracteur dédié au site)
  --date     date de jugement (seuils en vigueur à cette date ; défaut : aujourd'hui)
(Assess a notice file; JSON on stdout.)`;

interface Args {
  file: string;
  url?: string;
  date?: string;
}

class UsageError extends Error {}

function parseArgs(argv: readonly string[]): Args {
  let file: string | undefined;
  let url: string | undefined;
  let date: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    const value = (name: string): string => {
      const inline = a.includes('=') ? a.slice(a.indexOf('=') + 1) : undefined;
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') throw new UsageError(`l'option ${name} attend une valeur`);
      return v;
    };
    if (a === '--help' || a === '-h') throw new UsageError('');
    else if (a === '--url' || a.startsWith('--url=')) url = value('--url');
    else if (a === '--date' || a.startsWith('--date=')) date = value('--date');
    else if (a.startsWith('--')) throw new UsageError(`option inconnue : ${a}`);
    else if (file === undefined) file = a;
    else throw new UsageError(`un seul fichier à la fois (en trop : ${a})`);
  }
  if (!file) throw new UsageError('fichier manquant');
  if (url !== undefined) {
    try {
      new URL(url);
    } catch {
      throw new UsageError(`adresse invalide : ${url}`);
    }
  }
  if (date !== undefined) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
    const ok = m && !Number.isNaN(Date.parse(`${date}T00:00:00Z`)) && new Date(`${date}T00:00:00Z`).toISOString().startsWith(date);
    if (!ok) throw new UsageError(`date invalide (attendu AAAA-MM-JJ) : ${date}`);
  }
  const args: Args = { file };
  if (url !== undefined) args.url = url;
  if (date !== undefined) args.date = date;
  return args;
}

/** Adds the official CPV labels the notice lacks, so the JSON reads on its own. */
async function withCpvLabels(notices: Notice[]): Promise<Notice[]> {
  try {
    const labels = await loadCpvLabels();
    return notices.map((n) => ({
      ...n,
      cpv: labelCpvList(n.cpv, labels),
      lots: n.lots.map((l) => ({ ...l, cpv: labelCpvList(l.cpv, labels) })),
    }));
  } catch {
    return notices;
  }
}

export async function main(argv: readonly string[]): Promise<number> {
  let args: Args;
  try {
    args = parseArgs(argv);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    process.stderr.write(msg ? `Erreur : ${msg}\n${USAGE}\n` : `${USAGE}\n`);
    return msg ? 1 : 0;
  }
  let notices: Notice[];
  try {
    notices = loadNoticesFromFile(args.file, args.url ? { url: args.url } : {});
  } catch (e) {
    if (e instanceof InputError) {
      process.stderr.write(`Erreur : ${e.message}\n`);
      return e.exitCode;
    }
    process.stderr.write(`Erreur inattendue : ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
  const labelled = await withCpvLabels(notices);
  const results = labelled.map((notice) => ({ notice, assessment: evaluate(notice, undefined, args.date) }));
  const out = results.length === 1 ? results[0] : results;
  process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
  return 0;
}

// Run only as a script (tsx lib/cli/assess.ts …), not when imported by tests.
if (process.argv[1] && /assess\.[cm]?[jt]s$/.test(process.argv[1])) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`Erreur inattendue : ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 2;
    },
  );
}
