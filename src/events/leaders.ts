/**
 * Well-known political leaders -> country, for actor codes where the text names a person without saying
 * their country ("Putin offered to negotiate"). Public knowledge, as a careful reader brings it (the seed's
 * expected.json marks such countries `country_from: knowledge`). Only distinctive names stand alone; common
 * surnames need the full name ("Boris Johnson", not "Johnson").
 */
const LEADERS: Record<string, string[]> = {
  USA: ['Obama', 'Barack Obama', 'Bush', 'George W. Bush', 'Clinton', 'Bill Clinton', 'Hillary Clinton', 'Reagan',
    'Donald Trump', 'Trump', 'Joe Biden', 'Biden', 'Kamala Harris', 'Dick Cheney', 'Cheney', 'Condoleezza Rice',
    'Colin Powell', 'Rumsfeld', 'John Kerry', 'Mike Pompeo', 'Pompeo', 'Antony Blinken', 'Blinken', 'Marco Rubio',
    'Rubio', 'Warren Christopher', 'Madeleine Albright', 'Nixon', 'Jimmy Carter', 'Pence', 'Mike Pence', 'JD Vance'],
  RUS: ['Putin', 'Vladimir Putin', 'Medvedev', 'Yeltsin', 'Gorbachev', 'Lavrov', 'Sergei Lavrov', 'Kozyrev', 'Shoigu', 'Primakov'],
  CHN: ['Xi Jinping', 'Hu Jintao', 'Jiang Zemin', 'Li Keqiang', 'Wen Jiabao', 'Deng Xiaoping', 'Li Peng', 'Wang Yi'],
  GBR: ['Tony Blair', 'Blair', 'Gordon Brown', 'David Cameron', 'Theresa May', 'Boris Johnson', 'Keir Starmer', 'Starmer',
    'Thatcher', 'John Major', 'Rishi Sunak', 'Sunak', 'Liz Truss'],
  FRA: ['Macron', 'Emmanuel Macron', 'Sarkozy', 'Hollande', 'Chirac', 'Mitterrand', 'Jospin', 'Villepin'],
  DEU: ['Merkel', 'Angela Merkel', 'Schroeder', 'Gerhard Schroeder', 'Kohl', 'Helmut Kohl', 'Scholz', 'Olaf Scholz', 'Friedrich Merz'],
  ISR: ['Netanyahu', 'Benjamin Netanyahu', 'Sharon', 'Ariel Sharon', 'Ehud Barak', 'Olmert', 'Rabin', 'Shimon Peres', 'Peres',
    'Katsav', 'Shamir', 'Naftali Bennett', 'Yair Lapid', 'Herzog'],
  PSE: ['Arafat', 'Yasser Arafat', 'Mahmud Abbas', 'Mahmoud Abbas', 'Abbas', 'Ismail Haniyeh', 'Haniyeh', 'Erakat', 'Saeb Erakat'],
  IRN: ['Khamenei', 'Ahmadinejad', 'Rouhani', 'Khatami', 'Rafsanjani', 'Raisi', 'Zarif', 'Pezeshkian', 'Khomeini'],
  IRQ: ['Saddam Hussein', 'Saddam', 'Nouri al-Maliki', 'Maliki', 'Tariq Aziz'],
  SYR: ['Assad', 'Bashar al-Assad', 'Hafez al-Assad'],
  LBY: ['Gaddafi', 'Qaddafi', 'Muammar Gaddafi'],
  EGY: ['Mubarak', 'Hosni Mubarak', 'Sisi', 'el-Sisi', 'Morsi', 'Sadat'],
  TUR: ['Erdogan', 'Recep Tayyip Erdogan', 'Ozal', 'Demirel', 'Ecevit'],
  UKR: ['Zelensky', 'Zelenskyy', 'Volodymyr Zelensky', 'Poroshenko', 'Yanukovych', 'Yushchenko', 'Kuchma'],
  PRK: ['Kim Jong Un', 'Kim Jong-un', 'Kim Jong Il', 'Kim Jong-il', 'Kim Il Sung'],
  KOR: ['Moon Jae-in', 'Yoon Suk Yeol', 'Park Geun-hye', 'Lee Myung-bak', 'Roh Moo-hyun', 'Kim Dae-jung'],
  JPN: ['Shinzo Abe', 'Koizumi', 'Fumio Kishida', 'Kishida', 'Yoshihide Suga'],
  IND: ['Narendra Modi', 'Modi', 'Manmohan Singh', 'Vajpayee', 'Rajiv Gandhi', 'Indira Gandhi'],
  PAK: ['Musharraf', 'Pervez Musharraf', 'Nawaz Sharif', 'Benazir Bhutto', 'Imran Khan', 'Zardari'],
  AFG: ['Karzai', 'Hamid Karzai', 'Ashraf Ghani', 'Mullah Omar'],
  VEN: ['Chavez', 'Hugo Chavez', 'Maduro', 'Nicolas Maduro'],
  CUB: ['Fidel Castro', 'Raul Castro', 'Castro'],
  MEX: ['Sheinbaum', 'Claudia Sheinbaum', 'Lopez Obrador', 'Andres Manuel Lopez Obrador', 'Felipe Calderon', 'Vicente Fox', 'Enrique Pena Nieto'],
  BRA: ['Lula', 'Bolsonaro', 'Dilma Rousseff', 'Cardoso'],
  ZWE: ['Mugabe', 'Robert Mugabe', 'Mnangagwa', 'Tsvangirai'],
  ZAF: ['Mandela', 'Nelson Mandela', 'Thabo Mbeki', 'Mbeki', 'Jacob Zuma', 'Zuma', 'Ramaphosa', 'Desmond Tutu', 'Tutu', 'de Klerk'],
  SDN: ['Omar al-Bashir', 'Omar Hassan al-Bashir', 'Omar El Bashir', 'al-Bashir', 'Bashir'],
  CIV: ['Gbagbo', 'Laurent Gbagbo', 'Ouattara', 'Alassane Ouattara'],
  DZA: ['Bouteflika', 'Abdelaziz Bouteflika', 'Ahmed Ben Bella', 'Ben Bella'],
  KGZ: ['Akayev', 'Askar Akayev', 'Bakiyev'],
  GEO: ['Shevardnadze', 'Eduard Shevardnadze', 'Saakashvili'],
  SRB: ['Milosevic', 'Slobodan Milosevic', 'Kostunica', 'Vojislav Kostunica', 'Vucic'],
  GRC: ['Papandreou', 'Andreas Papandreou', 'Tsipras', 'Mitsotakis'],
  AGO: ['Dos Santos', 'Jose Eduardo dos Santos'],
  KEN: ['Kibaki', 'Mwai Kibaki', 'Uhuru Kenyatta', 'William Ruto', 'Daniel arap Moi'],
  HTI: ['Aristide', 'Jean-Bertrand Aristide', 'Duvalier'],
  IDN: ['Suharto', 'Sukarno', 'Megawati', 'Yudhoyono', 'Joko Widodo', 'Jokowi'],
  PHL: ['Duterte', 'Marcos', 'Corazon Aquino', 'Gloria Arroyo'],
  SAU: ['King Abdullah of Saudi Arabia', 'King Fahd', 'King Salman', 'Mohammed bin Salman'],
  JOR: ['King Hussein', 'King Abdullah II'],
  LBN: ['Hariri', 'Rafik Hariri', 'Nasrallah', 'Hassan Nasrallah', 'Michel Aoun'],
  TCD: ['Hissene Habre', 'Idriss Deby'],
  ZMB: ['Kaunda'],
  ARM: ['Pashinyan', 'Kocharyan', 'Ter-Petrosyan'],
  NGA: ['Obasanjo', 'Buhari', 'Goodluck Jonathan', 'Sani Abacha', 'Abacha', 'Tinubu'],
};

const byName = new Map<string, string>();
for (const [cc, names] of Object.entries(LEADERS)) for (const n of names) byName.set(n, cc);
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const RE = new RegExp(`(?<![\\p{L}])(?:${[...byName.keys()].sort((a, b) => b.length - a.length).map(escape).join('|')})(?![\\p{L}])`, 'u');

/** The country of a well-known leader named in `text`, or null. */
export function leaderCountry(text: string): string | null {
  const m = RE.exec(text);
  return m ? byName.get(m[0]) ?? null : null;
}

const RE_ALL = new RegExp(RE.source, 'gu');

/** Every well-known leader's name in text[start, end), with the country. */
export function findLeaders(text: string, start: number, end: number): { start: number; end: number; country: string }[] {
  const out: { start: number; end: number; country: string }[] = [];
  const s = text.slice(start, end);
  RE_ALL.lastIndex = 0;
  for (let m = RE_ALL.exec(s); m; m = RE_ALL.exec(s)) {
    // A capitalised name only ("Bush", not "bush"); the pattern is case-sensitive already.
    out.push({ start: start + m.index, end: start + m.index + m[0].length, country: byName.get(m[0])! });
  }
  return out;
}
