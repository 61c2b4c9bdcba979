import { useEffect, useState } from 'preact/hooks';
import type { WatchStatus } from '@/lib/messaging/watchlist';
import type { WatchlistDb } from '@/lib/watchlist/db';
import type { Note, NoticeBody, StatusEvent, WatchedNotice } from '@/lib/watchlist/records';
import { deleteNote, getBody, notesOf, saveNote, setStatus, setTags, statusHistory, unwatchNotice } from '@/lib/watchlist/repository';
import { formatInstantFr, formatMoneyFr } from '@/lib/watchlist/format-fr';
import { STATUS_LABELS_FR, VERDICT_LABELS_FR } from '@/lib/watchlist/status-labels';
import { CHANGE_LABELS_FR } from '@/lib/watchlist/changes';
import { StatusPicker } from './StatusPicker';
import { NoteEditor } from './NoteEditor';
import { WatchDeadline } from './WatchDeadline';
import { FlagList } from './FlagList';

export function WatchDetail(props: { db: WatchlistDb; row: WatchedNotice; now: () => number; who: string; onChanged: () => void; onClose: () => void }) {
  const key = props.row.key;
  const [body, setBody] = useState<NoticeBody | undefined>(undefined);
  const [notes, setNotes] = useState<Note[]>([]);
  const [history, setHistory] = useState<StatusEvent[]>([]);
  const [comment, setComment] = useState('');
  const [tags, setTagsText] = useState(props.row.tags.join(', '));
  const [newNoteKey, setNewNoteKey] = useState(0);
  const [error, setError] = useState('');
  const reload = async () => {
    setBody(await getBody(props.db, key));
    setNotes(await notesOf(props.db, key));
    setHistory(await statusHistory(props.db, key));
  };
  useEffect(() => {
    setTagsText(props.row.tags.join(', '));
    void reload();
  }, [key]);
  const guard = async (action: () => Promise<unknown>) => {
    try {
      setError('');
      await action();
      await reload();
      props.onChanged();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  const changeStatus = (status: WatchStatus) =>
    guard(() => setStatus(props.db, [key], status, props.now(), { ...(props.who ? { who: props.who } : {}), ...(comment ? { comment } : {}) }));
  const assessment = body?.assessment;
  const allFlags = assessment ? [...assessment.flags, ...assessment.lots.flatMap((l) => l.flags)] : [];
  const notice = body?.notice;

  return (
    <aside class="watch-detail" data-testid="watch-detail" aria-label="Détail de l'avis">
      <button type="button" class="close" onClick={props.onClose} aria-label="Fermer le détail">
        ×
      </button>
      <h2>{props.row.title || props.row.id}</h2>
      <p>
        {props.row.buyerName} — <a href={/^https?:\/\//.test(props.row.url) ? props.row.url : undefined} target="_blank" rel="noreferrer">voir l'avis ({props.row.source} {props.row.id})</a>
      </p>
      <p>
        Date limite : <WatchDeadline deadline={props.row.deadline} deadlineMs={props.row.deadlineMs} now={props.now()} />
        {props.row.estimatedValue && <> — Valeur estimée : {formatMoneyFr(props.row.estimatedValue)}</>}
      </p>
      <p class={`verdict verdict-${props.row.verdict}`}>
        {VERDICT_LABELS_FR[props.row.verdict]} ({props.row.score}/100)
      </p>
      {error && <p class="problem">{error}</p>}
      <div class="status-row">
        <StatusPicker value={props.row.status} onChange={(s) => void changeStatus(s)} testId="detail-status" />
        <input type="text" placeholder="Commentaire du changement (facultatif)" value={comment} onInput={(e) => setComment(e.currentTarget.value)} />
      </div>
      <label class="tags">
        Étiquettes{' '}
        <input
          type="text"
          value={tags}
          onInput={(e) => setTagsText(e.currentTarget.value)}
          onBlur={() => void guard(() => setTags(props.db, key, tags.split(','), props.now()))}
        />
      </label>
      {props.row.changes.length > 0 && (
        <section class="changes" data-testid="detail-changes">
          <h3>Modifications de l'avis</h3>
          <ul>
            {props.row.changes.map((c) => (
              <li>
                {formatInstantFr(c.at)} — {CHANGE_LABELS_FR[c.field]} : {c.before} → {c.after}
              </li>
            ))}
          </ul>
        </section>
      )}
      <section>
        <h3>Analyse</h3>
        {body === undefined ? <p>Chargement…</p> : <FlagList flags={allFlags} />}
        {notice?.description && <p class="description">{notice.description}</p>}
      </section>
      <section>
        <h3>Notes</h3>
        <NoteEditor
          key={`new-${newNoteKey}`}
          noticeKey={`${key}#new`}
          label="Nouvelle note"
          save={(text, id) => saveNote(props.db, key, text, props.now(), { ...(id !== undefined ? { id } : {}), ...(props.who ? { author: props.who } : {}) })}
          onSaved={() => void reload().then(props.onChanged)}
        />
        <button type="button" onClick={() => setNewNoteKey((n) => n + 1)}>
          Commencer une autre note
        </button>
        <ul class="notes" data-testid="detail-notes">
          {[...notes].reverse().map((n) => (
            <li key={n.id}>
              <small>
                {formatInstantFr(n.createdAt)}
                {n.updatedAt !== n.createdAt && ` (modifiée ${formatInstantFr(n.updatedAt)})`}
                {n.author && ` — ${n.author}`}
              </small>
              <NoteEditor
                noticeKey={`${key}#${n.id ?? 0}`}
                label=""
                initial={{ text: n.text, ...(n.id !== undefined ? { id: n.id } : {}) }}
                save={(text, id) => saveNote(props.db, key, text, props.now(), id !== undefined ? { id } : {})}
                onSaved={() => props.onChanged()}
              />
              <button type="button" class="link" onClick={() => n.id !== undefined && void guard(() => deleteNote(props.db, n.id ?? 0))}>
                Supprimer cette note
              </button>
            </li>
          ))}
        </ul>
      </section>
      <p>
        <button
          type="button"
          data-testid="detail-unwatch"
          onClick={() =>
            void guard(async () => {
              await unwatchNotice(props.db, { source: props.row.source, id: props.row.id });
              props.onClose();
            })
          }
        >
          Ne plus suivre cet avis
        </button>{' '}
        <small>(les notes sont gardées et réapparaissent si vous le suivez de nouveau)</small>
      </p>
      <section>
        <h3>Historique des statuts</h3>
        <ol data-testid="detail-history">
          {history.map((h) => (
            <li>
              {formatInstantFr(h.at)} — {STATUS_LABELS_FR[h.status]}
              {h.who && ` — ${h.who}`}
              {h.comment && ` : ${h.comment}`}
            </li>
          ))}
        </ol>
      </section>
    </aside>
  );
}
