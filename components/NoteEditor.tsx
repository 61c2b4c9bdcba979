import { useEffect, useRef, useState } from 'preact/hooks';

/**
 * A note that saves as you type and is never lost: every keystroke is copied synchronously into a draft
 * (localStorage of the extension origin), the database write is debounced, and a pending write is flushed when the
 * page hides (popup closed). If the popup closes before the write lands, the draft is still there and is restored
 * and saved the next time this notice's editor opens.
 */

export interface DraftStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

interface Draft {
  text: string;
  id?: number;
}

export function draftKey(noticeKey: string): string {
  return `regie-radar:note-draft:${noticeKey}`;
}

function readDraft(store: DraftStore | undefined, key: string): Draft | undefined {
  try {
    const raw = store?.getItem(key);
    if (!raw) return undefined;
    const data: unknown = JSON.parse(raw);
    if (typeof data !== 'object' || data === null) return undefined;
    const { text, id } = data as { text?: unknown; id?: unknown };
    if (typeof text !== 'string') return undefined;
    return typeof id === 'number' ? { text, id } : { text };
  } catch {
    return undefined;
  }
}

function defaultStore(): DraftStore | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

type SaveState = { kind: 'idle' | 'saving' | 'saved' } | { kind: 'error'; message: string };

export function NoteEditor(props: {
  noticeKey: string;
  /** Note being edited (undefined: a new note is created on the first save). */
  initial?: Draft;
  /** Writes the note; returns its id. */
  save: (text: string, id: number | undefined) => Promise<number>;
  onSaved?: (id: number, text: string) => void;
  draftStore?: DraftStore;
  debounceMs?: number;
  label?: string;
  placeholder?: string;
}) {
  const store = props.draftStore ?? defaultStore();
  const key = draftKey(props.noticeKey);
  const [restored] = useState(() => readDraft(store, key));
  const [text, setText] = useState(restored?.text ?? props.initial?.text ?? '');
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const idRef = useRef<number | undefined>(restored?.id ?? props.initial?.id);
  const textRef = useRef(text);
  const savedTextRef = useRef(restored ? undefined : (props.initial?.text ?? ''));
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const inFlight = useRef<Promise<void> | undefined>(undefined);

  const flush = async (): Promise<void> => {
    if (timer.current !== undefined) {
      clearTimeout(timer.current);
      timer.current = undefined;
    }
    if (inFlight.current) await inFlight.current; // one write at a time: the id of a new note must be known first
    const current = textRef.current;
    if (current === savedTextRef.current) return;
    if (idRef.current === undefined && current.trim() === '') return;
    setState({ kind: 'saving' });
    const run = (async () => {
      try {
        const id = await props.save(current, idRef.current);
        idRef.current = id;
        savedTextRef.current = current;
        if (textRef.current === current) store?.removeItem(key);
        else store?.setItem(key, JSON.stringify({ text: textRef.current, id }));
        setState({ kind: 'saved' });
        props.onSaved?.(id, current);
      } catch (error) {
        setState({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
      }
    })();
    inFlight.current = run;
    await run;
    inFlight.current = undefined;
  };
  const flushRef = useRef(flush);
  flushRef.current = flush;

  useEffect(() => {
    // A draft left by a popup closed mid-sentence: save it now.
    if (restored) void flushRef.current();
    const onHide = () => void flushRef.current();
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') void flushRef.current();
    };
    addEventListener('pagehide', onHide);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      removeEventListener('pagehide', onHide);
      document.removeEventListener('visibilitychange', onVisibility);
      void flushRef.current();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per notice
  }, [props.noticeKey]);

  const onInput = (value: string) => {
    textRef.current = value;
    setText(value);
    const draft: Draft = idRef.current !== undefined ? { text: value, id: idRef.current } : { text: value };
    store?.setItem(key, JSON.stringify(draft));
    setState({ kind: 'idle' });
    if (timer.current !== undefined) clearTimeout(timer.current);
    timer.current = setTimeout(() => void flushRef.current(), props.debounceMs ?? 400);
  };

  return (
    <div class="note-editor">
      <label>
        <span>{props.label ?? 'Note rapide'}</span>
        <textarea
          data-testid="note-editor"
          rows={4}
          value={text}
          placeholder={props.placeholder ?? 'Votre note (enregistrée pendant la frappe)…'}
          onInput={(e) => onInput(e.currentTarget.value)}
          onBlur={() => void flush()}
        />
      </label>
      <p class={`note-state note-state-${state.kind}`} data-testid="note-state" aria-live="polite">
        {state.kind === 'saving' && 'Enregistrement…'}
        {state.kind === 'saved' && 'Enregistré'}
        {state.kind === 'error' && `${state.message} Le texte est gardé en brouillon.`}
      </p>
    </div>
  );
}
