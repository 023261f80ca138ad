/** Inflected forms of lexicon words, so the lexicon can be written in base forms. */

const IRREGULAR: Record<string, string[]> = {
  meet: ['met'], hold: ['held'], give: ['gave', 'given'], take: ['took', 'taken'], send: ['sent'], fight: ['fought'],
  withdraw: ['withdrew', 'withdrawn'], break: ['broke', 'broken'], blow: ['blew', 'blown'], begin: ['began', 'begun'],
  strike: ['struck'], bring: ['brought'], seek: ['sought'], make: ['made'], lead: ['led'], shoot: ['shot'],
  throw: ['threw', 'thrown'], beat: ['beaten'], freeze: ['froze', 'frozen'], forgive: ['forgave', 'forgiven'],
  go: ['went', 'gone', 'goes'], find: ['found'], cut: ['cut'], put: ['put'], set: ['set'], quit: ['quit'],
  slay: ['slew', 'slain'], undertake: ['undertook', 'undertaken'], stand: ['stood'], win: ['won'], speak: ['spoke', 'spoken'],
  say: ['said'], tell: ['told'], pay: ['paid'], lay: ['laid'], do: ['did', 'done', 'does'], have: ['had', 'has'],
  be: ['is', 'are', 'was', 'were', 'been', 'being', 'am'], choose: ['chose', 'chosen'], rise: ['rose', 'risen'],
  wound: ['wounded'], sentence: ['sentenced'], free: ['freed', 'frees', 'freeing'], shell: ['shelled', 'shelling'],
};

/** Verb forms of a base form: itself, -s, -ed, -ing (with common spelling changes) and irregular forms. */
export function verbForms(base: string): string[] {
  const out = new Set<string>([base]);
  for (const f of IRREGULAR[base] ?? []) out.add(f);
  if (base === 'free' || base === 'shell') return [...out, base === 'free' ? 'free' : 'shells'];
  if (/(?:s|x|z|ch|sh)$/.test(base)) out.add(`${base}es`);
  else if (/[^aeiou]y$/.test(base)) out.add(`${base.slice(0, -1)}ies`);
  else out.add(`${base}s`);
  if (base.endsWith('e')) {
    out.add(`${base}d`);
    out.add(`${base.slice(0, -1)}ing`);
  } else if (/[^aeiou]y$/.test(base)) {
    out.add(`${base.slice(0, -1)}ied`);
    out.add(`${base}ing`);
  } else {
    out.add(`${base}ed`);
    out.add(`${base}ing`);
    // Doubled final consonant (ban -> banned, plan -> planned); harmless where English does not double.
    if (/[^aeiou][aeiou][bdgklmnprt]$/.test(base)) {
      const last = base.at(-1)!;
      out.add(`${base}${last}ed`);
      out.add(`${base}${last}ing`);
    }
  }
  return [...out];
}

/** Noun forms of a base form: itself and its plural. */
export function nounForms(base: string): string[] {
  if (/(?:s|x|ch|sh)$/.test(base)) return [base, `${base}es`];
  if (/[^aeiou]y$/.test(base)) return [base, `${base.slice(0, -1)}ies`];
  return [base, `${base}s`];
}
