/**
 * Boilerplate lines that scrapers and extractors leave in article text. A line is boilerplate only when
 * it is short and matches as a whole; a sentence that merely mentions "subscribe" in the body is kept.
 */

export interface BoilerplateRule {
  id: string;
  reason: string;
  re: RegExp;
}

/** Longest block (in characters) that can be taken for boilerplate. */
export const MAX_BOILERPLATE_LENGTH = 220;

export const BOILERPLATE_RULES: readonly BoilerplateRule[] = [
  {
    id: 'share',
    reason: 'social sharing line',
    re: /^(share( this( article| story| page| post)?)?|share (on|via) \w+|tweet( this)?|email( this)?|print( this)?( article| page)?|copy link|pin it)[\s:.!]*$/i,
  },
  {
    id: 'share-list',
    reason: 'social sharing line',
    re: /^((facebook|twitter|x|linkedin|whatsapp|reddit|email|e-mail|print|telegram|pinterest|flipboard)[\s|·•,/-]*){2,}$/i,
  },
  {
    id: 'subscribe',
    reason: 'subscription or newsletter prompt',
    re: /^(subscribe|sign up|signup|get (our|the) (free )?newsletter|join our newsletter|already a subscriber|become a (member|subscriber)|support (our|independent) journalism)\b.*$/i,
  },
  {
    id: 'advertisement',
    reason: 'advertisement marker',
    re: /^(advertisement|advertising|sponsored( content)?|ad|promoted|paid content|story continues below( advertisement)?|article continues (below|after advertisement))[\s.:-]*$/i,
  },
  {
    id: 'cookie',
    reason: 'cookie or consent notice',
    re: /^(we use cookies|this (site|website) uses cookies|by (continuing|using) (to use )?(this|our) (site|website)|accept (all )?cookies|cookie (policy|settings|preferences)|manage (cookies|consent)).*$/i,
  },
  {
    id: 'related',
    reason: 'related-links line',
    re: /^(related( (articles|stories|coverage|content|news|reading))?|read more|more on this|see also|recommended( for you)?|you (may|might) also like|most (read|popular)|trending( now)?|click here( to .*)?|watch( the)? video|listen to (this|the) (article|story))(\s*[:>»|-].*)?$/i,
  },
  {
    id: 'follow',
    reason: 'follow-us line',
    re: /^(follow us( on .*)?|like us on facebook|follow @\w+.*|download (our|the) app.*)$/i,
  },
  {
    id: 'copyright',
    reason: 'copyright line',
    re: /^(©|\(c\)|copyright\s*(©|\(c\))?\s*\d{4}).*$|^.{0,80}all rights reserved\.?$/i,
  },
];

/** The rule a block matches, if it is boilerplate. */
export function matchBoilerplate(block: string): BoilerplateRule | null {
  const s = block.trim();
  if (s.length === 0 || s.length > MAX_BOILERPLATE_LENGTH) return null;
  for (const rule of BOILERPLATE_RULES) if (rule.re.test(s)) return rule;
  return null;
}
