// Placeholder popup; the real one (current notice, notes, deadlines) comes with the watchlist issue.
export function PopupApp() {
  return (
    <main lang="fr">
      <h1>Régie Radar</h1>
      <p>Repère les marchés publics faits pour une Régie de Quartier.</p>
    </main>
  );
}
