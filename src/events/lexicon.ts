/**
 * The verb-phrase lexicon: lemma patterns -> CAMEO code. Patterns are written in base forms and expanded to
 * inflected forms when the coder is built (morph.ts).
 *
 * Pattern syntax: words separated by spaces must be adjacent; `a|b` gives alternatives; `~` allows a gap of
 * up to six words (no punctuation) between its neighbours. The first word is the trigger looked up in the
 * index, so patterns that share it are tried longest first. Flags: `n` the trigger is a noun (nominal event,
 * e.g. "U.S.-Mexico collaboration"); `sym` the event is mutual (talks, cooperation: "X and Y" are both actors).
 */

/** One lexicon entry: pattern, CAMEO code, flags. */
export type LexEntry = readonly [pattern: string, cameo: string, flags?: string];

/** The lexicon, grouped by CAMEO root. */
export const LEXICON: readonly LexEntry[] = [
  // 01 statements with a CAMEO code of their own (PLOVER has no type for statements)
  ['claim ~ responsibility|credit', '015'], ['express|voice|convey ~ sorrow|condolences|sympathy|grief', '018'],
  ['offer|send ~ condolences|sympathy', '018'],
  // 02 appeal
  ['appeal to|for', '020'], ['call for', '020'], ['urge', '020'], ['plead', '020'], ['ask ~ for', '020'],
  ['request', '020'], ['seek ~ aid|assistance|help', '023'], ['call on', '020'],
  // 03 intent to cooperate (as main verbs; "agree to X" / "offer to X" also wrap an action, see coder.ts)
  ['agree', '030'], ['offer', '030'], ['promise', '030'], ['pledge', '030'], ['vow', '030'],
  ['accept ~ plan|proposal|offer|formula|deal|invitation|terms|mediation|demands', '030'],
  ['offer ~ concessions', '035'], ['agree to ~ mediation', '038'],
  // 04 consult
  ['meet', '040', 'sym'], ['meet with', '040', 'sym'], ['hold ~ talks|meeting|meetings|consultations', '040', 'sym'],
  ['talk with|to', '040', 'sym'], ['discuss', '040', 'sym'], ['consult', '040', 'sym'], ['confer', '040', 'sym'],
  ['telephone', '041', 'sym'], ['phone', '041', 'sym'], ['visit', '042'], ['host', '043'],
  ['travel to', '042'], ['mediate', '045'], ['undertake|launch|begin ~ mediation', '045'], ['mediation', '045', 'n'],
  ['negotiate', '046', 'sym'], ['negotiations', '046', 'n sym'], ['talks', '040', 'n sym'], ['summit', '040', 'n sym'],
  // 05 diplomatic cooperation
  ['praise', '051'], ['hail', '051'], ['laud', '051'], ['commend', '051'], ['applaud', '051'], ['welcome', '051'],
  ['endorse', '051'], ['thank', '051'], ['congratulate', '051'], ['support', '051'],
  ['emphasize|emphasise|highlight|stress|cite|note|tout ~ success|successes|achievements|progress', '051'],
  ['express ~ appreciation|gratitude|support', '051'], ['defend', '052'], ['rally ~ support', '053'],
  ['mobilize ~ support|pressure', '053'], ['recognize|recognise', '054'], ['apologize|apologise', '055'],
  ['forgive', '056'], ['sign|ratify|conclude ~ agreement|treaty|accord|deal|pact|memorandum|protocol', '057', 'sym'],
  ['upgrade|restore|normalize|normalise|establish ~ ties|relations', '050', 'sym'],
  ['reach|forge|strike|clinch|seal ~ agreement|deal|accord|pact|truce|ceasefire', '057', 'sym'],
  // 06 material cooperation
  ['cooperate|collaborate', '060', 'sym'], ['cooperation|collaboration', '060', 'n sym'],
  ['share ~ intelligence|information|evidence|data', '064', 'sym'], ['joint ~ exercises|patrols|operation|operations', '062', 'n sym'],
  ['extradite', '063'], ['hand over', '063'], ['train ~ troops|forces|soldiers|police|officers', '062'], ['invest ~ in', '061'],
  // 07 aid
  ['provide|give|send|deliver|donate ~ aid|assistance|grant|loan|loans|funds|supplies', '070'],
  ['provide|give|send|deliver|supply ~ weapons|arms|equipment|material|materiel|intelligence|photographs', '072'],
  ['provide|give|send|deliver ~ food|relief|medicine|shelter', '073'],
  ['contribute|send|provide ~ troops|peacekeepers|soldiers', '074'], ['grant ~ asylum', '075'],
  ['help', '070'], ['assist', '070'],
  // "X received weapons from Y": Y gives (the actor is in the from-phrase).
  ['receive|get|obtain|accept ~ weapons|arms|equipment|ammunition', '072', 'inv'],
  ['receive|get|obtain|accept ~ aid|assistance|funds|loan|loans|grant|supplies|food', '070', 'inv'],
  ['receive|welcome|host ~ minister|ministers|delegation|delegations|envoy|envoys|president|leader|leaders|visitors', '043'], ['evacuate', '073'], ['open ~ border|borders', '070'], ['aid', '070', 'n'],
  // 08 yield
  ['release', '084'], ['free', '0841'], ['return ~ weapons|property|land|territory', '084'], ['hand back', '084'],
  ['pay ~ compensation|reparations', '0842'], ['withdraw', '0874'], ['pull out', '0874'], ['withdrawal', '0874', 'n'],
  ['resign', '0833', 'intr'], ['step down', '0833', 'intr'], ['concede', '080'], ['accede', '080'], ['yield', '080'], ['give in', '080'],
  // The codebook puts lifting economic sanctions or an embargo under 085, other restrictions under 081.
  ['lift|ease|relax ~ sanctions|embargo|embargoes|boycott', '085'],
  ['lift|ease|relax|shorten ~ ban|restrictions|curfew|emergency|blockade', '081'],
  ['declare ~ ceasefire|truce|cease-fire', '0871'], ['allow|permit ~ access|inspectors|aid|return', '086'],
  ['demobilize', '0872'], ['pardon', '0841'], ['reopen ~ border|borders|embassy|crossing|crossings', '081'],
  // 09 investigate
  ['investigate', '090'], ['probe', '090'], ['inquiry|investigation', '090', 'n'], ['examine|re-examine|inspect', '090'],
  ['send|dispatch ~ inspectors|investigators', '090'], ['launch|open|order ~ investigation|inquiry|probe', '090'],
  // 10 demand
  ['demand', '100'], ['demand', '100', 'n'], ['press ~ for', '100'], ['pressure', '100'], ['ultimatum', '139', 'n'],
  // 11 disapprove
  ['criticize|criticise|condemn|denounce|blast|slam|decry|deplore|censure|rebuke', '111'],
  ['accuse', '112'], ['blame', '112'], ['allege', '112'], ['complain', '114'], ['sue', '115'],
  ['convict', '116'], ['present|produce|release ~ evidence ~ against', '112'], ['find ~ guilty', '116'], ['disapproval|criticism|condemnation', '111', 'n'],
  // 12 reject
  ['reject', '120'], ['dismiss', '120'], ['rebut', '120'], ['refute', '120'], ['repudiate', '120'], ['refuse', '120'],
  ['decline', '120'], ['oppose', '120'], ['opposition to', '120', 'n'], ['rule out', '120'], ['veto', '129'],
  ['defy', '128'], ['renege|backtrack ~ on', '120'], ['spurn', '120'], ['snub', '120'],
  // 13 threaten
  ['threaten', '130'], ['warn', '130'], ['threat', '130', 'n'],
  ['authorize|authorise|order|empower ~ military|force|strikes|strike|action|involvement|operations|attack|attacks', '138'],
  // 14 protest
  ['protest', '140'], ['demonstrate', '141'], ['demonstration|rally|march', '141', 'n'], ['hunger strike', '142', 'n'], ['begin|start|stage|launch|hold|go ~ hunger strike|strikes', '142'],
  ['stage|hold|begin|start ~ strike|strikes', '143'], ['go on strike', '143'], ['stop work', '143'],
  ['boycott', '143'], ['block|blockade ~ road|roads|bridge|transport|highway|traffic|roadway', '144'],
  ['riot', '145'], ['take to the streets', '141'], ['sit-in', '141', 'n'], ['blockade', '191'], ['throw ~ stones', '145'],
  // 15 force posture
  ['deploy|mobilize|mobilise|mass ~ troops|forces|soldiers|army|military|personnel|police|peacekeepers', '154'],
  ['deployment', '154', 'n'], ['remain|stay|put|place|go ~ on ~ alert', '152'], ['station|reinforce ~ troops|forces|soldiers', '154'], ['on alert', '152', 'n'], ['conduct|hold|stage ~ exercises|drills', '150'],
  ['military exercises|drills', '150', 'n'],
  // 16 reduce relations
  ['break|sever|cut ~ relations|ties', '161'], ['recall ~ ambassador', '161'],
  ['cut|suspend|halt|freeze|reduce ~ aid|assistance', '162'],
  ['impose|slap|tighten ~ sanctions|embargo|tariffs|embargoes', '163'], ['impose|tighten|reimpose ~ restrictions|controls', '172'], ['sanction', '163'],
  ['designate ~ as ~ terrorist|terrorists', '163'], ['freeze ~ assets', '163'],
  ['halt|suspend|end|break off ~ talks|negotiations', '164'], ['end|halt|suspend ~ mediation', '165'],
  ['expel ~ diplomat|diplomats|ambassador|envoy', '166'], ['ban ~ imports|exports', '163'],
  // 17 coerce
  ['arrest', '173'], ['detain', '173'], ['jail', '173'], ['imprison', '173'], ['sentence', '173'],
  ['charge', '173'], ['indict', '173'], ['issue ~ arrest warrant|warrants', '173'], ['prosecute', '173'],
  ['expel', '174'], ['deport', '174'], ['seize', '171'], ['confiscate', '171'],
  ['demolish|destroy|bulldoze|raze|torch', '171'], ['blow up', '171'], ['crack down', '175'], ['crackdown', '175', 'n'],
  ['impose|declare|extend|reimpose ~ curfew|siege|emergency|blockade|blockades', '172'], ['impose|declare ~ martial law', '172'],
  ['ban', '172'], ['censor', '172'], ['execute', '175'], ['prevent', '170'], ['disperse', '175'], ['coerce', '170'], ['raid', '170'],
  // 18 assault
  ['kill', '180'], ['wound|injure', '180'], ['assassinate', '186'], ['bomb', '183'], ['bombing', '183', 'n'],
  ['abduct|kidnap|hijack', '181'], ['take ~ hostage', '181'], ['torture', '182'], ['abuse', '182'],
  ['assault', '182'], ['beat', '182'], ['stab', '182'], ['rape', '182'], ['behead', '186'], ['attack', '180'], ['massacre', '202'],
  // 19 fight
  ['fight', '190'], ['battle', '190'], ['clash', '190', 'sym'], ['shell', '194'], ['shelling', '194', 'n'],
  ['open fire', '190'], ['shoot ~ down', '195'], ['shoot', '190'], ['fire|launch ~ missile|missiles|rockets|rocket|shells|mortar|mortars', '195'],
  ['launch ~ artillery|mortar|rocket', '194'], ['launch|carry|conduct ~ air strike|strikes', '195'], ['launch|carry|conduct ~ airstrike|airstrikes', '195'], ['air strike|strikes', '195', 'n'], ['airstrike', '195', 'n'],
  ['launch ~ attack|offensive|strike|strikes|raid', '190'], ['invade', '192'], ['invasion', '192', 'n'],
  ['occupy', '192'], ['storm', '190'], ['ambush', '190'], ['bombard|pound', '194'], ['capture', '190'], ['engage ~ in ~ firefight', '193'], ['violate ~ ceasefire|truce', '196'],
  // 20 mass violence
  ['genocide', '203', 'n'], ['ethnic cleansing', '203', 'n'],
];
