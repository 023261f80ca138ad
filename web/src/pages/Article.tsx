/** Article page: one stored article with its layers. */
import { useEffect, useState } from 'preact/hooks';
import type { JSX } from 'preact';
import { api, type Doc } from '../api.js';
import { DocView } from '../DocView.js';

export function ArticlePage({ id }: { id: string }): JSX.Element {
  const [doc, setDoc] = useState<Doc | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    setDoc(null);
    setError('');
    api<Doc>(`/api/articles/${encodeURIComponent(id)}?tokens=false`).then(setDoc, (e: Error) => setError(e.message));
  }, [id]);
  if (error) return <p class="error">{error}</p>;
  if (!doc) return <p class="hint">Loading…</p>;
  return <DocView doc={doc} />;
}
