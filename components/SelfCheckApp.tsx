import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Notice } from '@/lib/notice/schema';
import { reportToMarkdown, selfCheck } from '@/lib/self-check';
import { loadSelfCheckInput } from '@/lib/self-check/load-input';
import { SelfCheckReportView } from './SelfCheckReport';

/**
 * Self-check page (issue 8): the buyer checks its own notice. Input: the current tab's notice (injected loader), a
 * pasted text, or a dropped / chosen file (eForms XML, BOAMP JSON, saved HTML, plain text). Output: the report, a
 * print button (print stylesheet → clean PDF) and a Markdown download. Browser APIs are injected by the entrypoint.
 */
export interface SelfCheckAppProps {
  /** The notice of the tab the page was opened from, if any. */
  loadTabNotice?: () => Promise<Notice | undefined>;
  parseHtml: (html: string) => Document;
  download: (fileName: string, content: string, mime: string) => void;
  print: () => void;
}

function slug(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'avis';
}

export function SelfCheckApp(props: SelfCheckAppProps) {
  const [notices, setNotices] = useState<Notice[]>([]);
  const [index, setIndex] = useState(0);
  const [pasted, setPasted] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  const [origin, setOrigin] = useState<string | undefined>();
  const [date, setDate] = useState('');
  const [dragging, setDragging] = useState(false);

  useEffect(() => {
    if (!props.loadTabNotice) return;
    let live = true;
    props
      .loadTabNotice()
      .then((n) => {
        if (live && n) {
          setNotices([n]);
          setIndex(0);
          setOrigin('avis de l’onglet courant');
        }
      })
      .catch(() => {
        if (live) setProblem('L’avis de l’onglet n’a pas pu être lu : collez son texte ou déposez le fichier.');
      });
    return () => {
      live = false;
    };
  }, [props.loadTabNotice]);

  const read = (content: string, fileName?: string) => {
    const loaded = loadSelfCheckInput({ content, parseHtml: props.parseHtml, ...(fileName ? { fileName } : {}) });
    setNotices(loaded.notices);
    setIndex(0);
    setProblem(loaded.problem);
    setOrigin(fileName ? `fichier « ${fileName} »` : 'texte collé');
  };

  const readFile = (file: File | undefined) => {
    if (!file) return;
    file
      .text()
      .then((text) => read(text, file.name))
      .catch(() => setProblem(`Le fichier « ${file.name} » n’a pas pu être lu.`));
  };

  const notice = notices[index];
  const report = useMemo(() => (notice ? selfCheck(notice, /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : undefined) : undefined), [notice, date]);

  return (
    <main class="sc-app">
      <h1>Vérifier un avis (acheteur)</h1>
      <p class="sc-intro no-print">
        Contrôlez votre propre avis avant ou après publication : obligations sociales et environnementales, allotissement, marchés réservés, critères, délais et
        publicité, aux seuils en vigueur à la date de l’avis. <span class="sc-en">Check your own notice before or after publishing.</span>
      </p>
      <section class="sc-input no-print">
        <div
          class={`sc-drop${dragging ? ' sc-drop--over' : ''}`}
          data-testid="self-check-drop"
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={(e) => {
            e.preventDefault();
            setDragging(false);
            readFile(e.dataTransfer?.files?.[0]);
          }}
        >
          Déposez ici le fichier de l’avis (XML eForms, JSON BOAMP, page HTML enregistrée ou texte), ou{' '}
          <label class="sc-file">
            choisissez-le
            <input type="file" data-testid="self-check-file" accept=".xml,.json,.jsonl,.html,.htm,.txt" onChange={(e) => readFile((e.currentTarget as HTMLInputElement).files?.[0])} />
          </label>
          .
        </div>
        <label class="sc-paste">
          Ou collez le texte de l’avis :
          <textarea rows={6} value={pasted} data-testid="self-check-text" onInput={(e) => setPasted((e.currentTarget as HTMLTextAreaElement).value)} />
        </label>
        <div class="sc-actions">
          <button type="button" data-testid="self-check-run" disabled={pasted.trim() === ''} onClick={() => read(pasted)}>
            Vérifier le texte collé
          </button>
          <label>
            Date de référence (facultatif) :{' '}
            <input type="date" value={date} data-testid="self-check-date" onInput={(e) => setDate((e.currentTarget as HTMLInputElement).value)} />
          </label>
        </div>
        {problem ? (
          <p class="sc-problem" role="alert" data-testid="self-check-problem">
            {problem}
          </p>
        ) : null}
        {notices.length > 1 ? (
          <label>
            Avis ({notices.length} dans le fichier) :{' '}
            <select value={String(index)} onChange={(e) => setIndex(Number((e.currentTarget as HTMLSelectElement).value))}>
              {notices.map((n, i) => (
                <option key={`${n.id}-${i}`} value={String(i)}>
                  {n.id} — {n.title.slice(0, 80)}
                </option>
              ))}
            </select>
          </label>
        ) : null}
      </section>
      {report ? (
        <section>
          <div class="sc-toolbar no-print">
            {origin ? <span class="sc-origin">Source : {origin}.</span> : null}
            <button type="button" data-testid="self-check-print" onClick={() => props.print()}>
              Imprimer / enregistrer en PDF
            </button>
            <button
              type="button"
              data-testid="self-check-markdown"
              onClick={() => props.download(`auto-controle-${slug(report.noticeId || report.noticeTitle)}.md`, reportToMarkdown(report), 'text/markdown;charset=utf-8')}
            >
              Exporter en Markdown
            </button>
          </div>
          <SelfCheckReportView report={report} />
        </section>
      ) : null}
    </main>
  );
}
