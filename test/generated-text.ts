/**
 * Generated inputs for differential tests (a hand-written scanner against the regex it replaced):
 * 1 to `maxPieces` pieces drawn from `pieces`, and a range that may cut up to two characters off
 * either end, so boundaries inside and at the edges of a range are exercised.
 */
export function pieceText(rand: () => number, pieces: readonly string[], maxPieces: number): { text: string; start: number; end: number } {
  const n = 1 + Math.floor(rand() * maxPieces);
  let text = '';
  for (let i = 0; i < n; i++) text += pieces[Math.floor(rand() * pieces.length)]!;
  const start = Math.floor(rand() * 3);
  const end = Math.max(start, text.length - Math.floor(rand() * 3));
  return { text, start, end };
}
