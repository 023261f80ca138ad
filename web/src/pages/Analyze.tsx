/** Analyze page: paste text or HTML, or give a URL, and see the result without storing it. */
import { useState } from 'preact/hooks';
import type { JSX } from 'preact';
import { api, type Doc } from '../api.js';
import { DocView } from '../DocView.js';

type Mode = 'text' | 'html' | 'url';

export function AnalyzePage(): JSX.Element {
  const [mode, setMode] = useState<Mode>('text');
  const [input, setInput] = useState('');
  const [doc, setDoc] = useState<Doc | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const run = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError('');
    try {
      setDoc(await api<Doc>('/api/analyze', { method: 'POST', body: { [mode]: input, tokens: false } }));
    } catch (err) {
      setDoc(null);
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="page analyze">
      <form onSubmit={run} class="analyze-form">
        <div class="modes">
          {(['text', 'html', 'url'] as const).map((m) => (
            <label key={m}>
              <input type="radio" name="mode" value={m} checked={mode === m} onChange={() => setMode(m)} /> {m}
            </label>
          ))}
        </div>
        {mode === 'url' ? (
          <input name="input" type="url" placeholder="https://…" value={input} onInput={(e) => setInput((e.currentTarget as HTMLInputElement).value)} />
        ) : (
          <textarea
            name="input"
            rows={10}
            placeholder={mode === 'html' ? 'Paste an HTML page…' : 'Paste an article…'}
            value={input}
            onInput={(e) => setInput((e.currentTarget as HTMLTextAreaElement).value)}
          />
        )}
        <button type="submit" disabled={busy || input.trim() === ''}>
          {busy ? 'Analysing…' : 'Analyse'}
        </button>
        <span class="hint"> Nothing is stored.</span>
      </form>
      {error && <p class="error">{error}</p>}
      {doc && <DocView doc={doc} linkEntities={false} />}
    </div>
  );
}
