/**
 * The one mapping from a source id to its citation. Every figure in the default
 * model, the scenarios and the Rijksmaatregelen library names its source through
 * `cite(id, detail)`: the document's title (or publisher and title for public
 * sources), the part of it (bijlage, tabel, paragraaf) and the year of the figure,
 * e.g. "Regionaal Beleidsplan Jeugd 2022 en verder, Bijlage 3, tabel Verblijf met
 * behandeling, 2019". Users read these texts in the app, the presentation and the
 * Excel workbook; they never see an internal file name.
 *
 * `citeSource(text)` rewrites older texts (a stored user model may still cite the
 * regional documents by the name of the text file they were read from, or a
 * working note of the project) to the same citations, on display and export.
 */

export interface SourceDoc {
  /** how the document is cited inline: the title, with the publisher first for public (non-regional) sources */
  short: string;
  /** the full title as the document gives it */
  title: string;
  publisher: string;
  /** the year (or years) of publication; absent when the document does not state it */
  year?: string;
  /** where it can be found (web site), for the list of sources */
  where?: string;
  /** the regional policy documents the default model was built from: their index and hash as delivered */
  seed?: { index: number; hash: string };
}

export const SOURCES = {
  // ------------------------------------------------------------ regional documents (the seeds)
  'rib-beleidsplan-noord-limburg': {
    short: 'Raadsinformatiebrief Regionaal Beleidsplan Jeugd Noord-Limburg',
    title: 'Raadsinformatiebrief over het Regionaal Beleidsplan Jeugd (proces, thema’s en prioriteiten)',
    publisher: 'Gemeenten regio Noord-Limburg',
    year: '2021',
    seed: { index: 0, hash: '8d2cf72df6327f47' },
  },
  'regiovisie-midden-limburg-oost': {
    short: 'Raadsvoorstel Regiovisie Jeugd en Gezin Midden-Limburg-Oost',
    title: 'Raadsvoorstel Regiovisie Jeugd en Gezin',
    publisher: 'Gemeenten regio Midden-Limburg-Oost',
    seed: { index: 1, hash: 'acd1a61f089f5359' },
  },
  'gap-analyse-nvo': {
    short: 'Gap-analyse Noord-Limburg en Midden-Limburg-West (Kamerbrief en Norm voor Opdrachtgeverschap)',
    title:
      'Gap-analyse van Noord-Limburg en Midden-Limburg-West tegen de eisen uit wetgeving, Kamerbrief en Norm voor Opdrachtgeverschap',
    publisher: 'Regio’s Noord-Limburg en Midden-Limburg-West',
    seed: { index: 2, hash: '597cd552f7c5cb6f' },
  },
  'beleidsplan-noord-limburg': {
    short: 'Regionaal Beleidsplan Jeugd 2022 en verder',
    title: 'Regionaal Beleidsplan Jeugd 2022 en verder, regio Noord-Limburg',
    publisher: 'Gemeenten regio Noord-Limburg',
    year: '2022',
    seed: { index: 3, hash: '60f469445e7c1faa' },
  },
  'beleidsplan-zuid-limburg': {
    short: 'Beleidsplan Jeugdhulp Zuid-Limburg',
    title: 'Beleidsplan Jeugdhulp Zuid-Limburg',
    publisher: 'Gemeenten regio Zuid-Limburg',
    seed: { index: 4, hash: '29050e0d1a8fa582' },
  },
  // ------------------------------------------------------------ public statistics
  'cbs-83454': {
    short: 'CBS StatLine, tabel 83454NED',
    title: 'StatLine tabel 83454NED: lasten jeugdzorg per gemeente (× € 1.000, begroot en gerealiseerd)',
    publisher: 'Centraal Bureau voor de Statistiek (CBS)',
    where: 'cbs.nl',
  },
  'cbs-71488': {
    short: 'CBS StatLine, tabel 71488ned',
    title: 'StatLine tabel 71488ned: bevolking op 1 januari naar leeftijd, per gemeente',
    publisher: 'Centraal Bureau voor de Statistiek (CBS)',
    where: 'cbs.nl',
  },
  'cbs-bevolking': {
    short: 'CBS, bevolking van Nederland',
    title: 'Bevolking van Nederland',
    publisher: 'Centraal Bureau voor de Statistiek (CBS)',
    year: '2023',
    where: 'cbs.nl',
  },
  'cbs-jeugdzorg-2019': {
    short: 'CBS, "443 duizend jongeren met jeugdzorg in 2019"',
    title:
      '443 duizend jongeren met jeugdzorg in 2019 (nieuwsbericht; bijna 3,4 miljoen jongeren tot 18 jaar op 1 januari 2019)',
    publisher: 'Centraal Bureau voor de Statistiek (CBS)',
    year: '2020',
    where: 'cbs.nl',
  },
  'omroep-peel-en-maas-inwoners': {
    short: 'Omroep Peel en Maas, "Aantal inwoners Peel en Maas stijgt, Beesel daalt" (cijfers van het CBS)',
    title: 'Aantal inwoners Peel en Maas stijgt, Beesel daalt (3 november 2023, op basis van cijfers van het CBS)',
    publisher: 'Omroep Peel en Maas',
    year: '2023',
    where: 'omroeppenm.nl',
  },
  'wikipedia-bergen-limburg': {
    short: 'Wikipedia (de), "Bergen (Limburg)" (inwonertal volgens het CBS)',
    title: 'Bergen (Limburg): 13.151 inwoners op 1 januari 2024 "laut Angabe des CBS"',
    publisher: 'Wikipedia',
    year: '2024',
    where: 'de.wikipedia.org',
  },
  'hallo-venray-progneff': {
    short: 'Hallo Venray, "Inwoneraantal Venray blijft licht groeien" (bevolkingsprognose Etil, Progneff 2018)',
    title: 'Inwoneraantal Venray blijft licht groeien (bevolkingsprognose Etil, Progneff 2018)',
    publisher: 'Hallo Venray',
    year: '2019',
    where: 'hallo-venray.nl',
  },
  'cbs-dyslexie-2016': {
    short: 'CBS, "Lichte toename kinderen met dyslexie"',
    title:
      'Lichte toename kinderen met dyslexie (Gezondheidsenquête; geregistreerde behandeltrajecten dyslexie per 1.000 kinderen van 7 t/m 12 jaar, 2009–2014)',
    publisher: 'Centraal Bureau voor de Statistiek (CBS)',
    year: '2016',
    where: 'cbs.nl',
  },
  'cvz-dyslexie-2007': {
    short: 'College voor zorgverzekeringen, "Dyslexie: van zorg verzekerd?"',
    title:
      'Dyslexie: van zorg verzekerd? (rapport aan de minister van VWS, 30-07-2007; § 4.c.1 prevalentie van ernstige enkelvoudige dyslexie)',
    publisher: 'College voor zorgverzekeringen (CVZ, nu Zorginstituut Nederland)',
    year: '2007',
    where: 'zorginstituutnederland.nl',
  },
  'jeugdautoriteit-stand-2023': {
    short: 'Jeugdautoriteit, "De Stand van de Jeugdzorg 2023"',
    title: 'De Stand van de Jeugdzorg 2023, hoofdstuk 5 "Wachtlijsten en wachttijden"',
    publisher: 'Jeugdautoriteit',
    year: '2023',
    where: 'jeugdautoriteit.nl',
  },
  'nrc-wachttijden-jeugd-ggz-2017': {
    short: 'NRC, "Wachttijden jeugdzorg zijn te lang" (inventarisatie MediQuest)',
    title:
      'Wachttijden jeugdzorg zijn te lang (17-05-2017): inventarisatie door MediQuest van de wachttijden bij 472 locaties voor jeugd-ggz, eerste kwartaal 2017',
    publisher: 'NRC',
    year: '2017',
    where: 'nrc.nl',
  },
  // ------------------------------------------------------------ VNG, Rijk and national decisions
  'vng-indexatie': {
    short: 'VNG, "Indexatie bij inkoop jeugdhulp en Wmo-ondersteuning"',
    title: 'Indexatie bij inkoop jeugdhulp en Wmo-ondersteuning (advies OVA 90% + PCC 10%)',
    publisher: 'Vereniging van Nederlandse Gemeenten (VNG)',
    year: '2023–2025',
    where: 'vng.nl',
  },
  'vng-stelposten': {
    short: 'VNG, "Afspraken stelposten jeugd"',
    title: 'Afspraken stelposten jeugd',
    publisher: 'Vereniging van Nederlandse Gemeenten (VNG)',
    year: '2022',
    where: 'vng.nl',
  },
  'hervormingsagenda-principeakkoord': {
    short: 'VNG en Tweede Kamer, Kamerstuk 31839, nr. 944 (principeakkoord Hervormingsagenda Jeugd)',
    title: 'Principeakkoord Hervormingsagenda Jeugd, 18-04-2023 (Kamerstuk 31839, nr. 944)',
    publisher: 'Tweede Kamer; Vereniging van Nederlandse Gemeenten (VNG)',
    year: '2023',
    where: 'tweedekamer.nl; vng.nl',
  },
  'circulaire-stelpost-jeugd-2021': {
    short: 'Rijksoverheid, circulaire van 15-07-2021 over de raming van de extra middelen jeugd',
    title:
      'Circulaire van 15-07-2021 over de raming van de extra middelen jeugd in de meerjarenraming 2023–2025 (stelpost hoogstens 75% van de bedragen van de Commissie van Wijzen)',
    publisher: 'Rijksoverheid',
    year: '2021',
    where: 'rijksoverheid.nl',
  },
  'voorjaarsnota-2024-jeugd': {
    short: 'Skipr, berichtgeving Voorjaarsnota 2024',
    title: 'Voorjaarsnota 2024: korting van € 511 mln op jeugd voor 2025 geschrapt',
    publisher: 'Skipr',
    year: '2024',
    where: 'skipr.nl',
  },
  'voorjaarsnota-2024-accres': {
    short: 'Ministerie van Financiën, Voorjaarsnota 2024',
    title: 'Voorjaarsnota 2024 (accres gemeentefonds; vanaf 2027 met het bbp)',
    publisher: 'Ministerie van Financiën',
    year: '2024',
    where: 'rijksfinancien.nl',
  },
  'voorjaarsnota-2023-accres': {
    short: 'Ministerie van Financiën, Voorjaarsnota 2023, tabel 66 "Accres Gemeentefonds"',
    title: 'Voorjaarsnota 2023, tabel 66: accres Gemeentefonds 2023–2028 (stand Voorjaarsnota 2023, in miljoenen euro)',
    publisher: 'Ministerie van Financiën',
    year: '2023',
    where: 'rijksfinancien.nl',
  },
  'miljoenennota-2023-gemeentefonds': {
    short: 'Ministerie van Financiën, Miljoenennota 2023, bijlage "Gemeentefonds en Provinciefonds"',
    title: 'Miljoenennota 2023, bijlage Gemeentefonds en Provinciefonds: netto uitgaven 2022–2027 (algemene uitkering)',
    publisher: 'Ministerie van Financiën',
    year: '2022',
    where: 'rijksfinancien.nl',
  },
  'miljoenennota-2024-accres': {
    short: 'Ministerie van Financiën, Miljoenennota 2024, bijlage 11 "Accres Gemeentefonds en Provinciefonds"',
    title:
      'Miljoenennota 2024, bijlage 11: accres Gemeentefonds en Provinciefonds (volumedeel 2022–2025 vastgezet; vanaf 2026 geen koppeling aan de rijksuitgaven)',
    publisher: 'Ministerie van Financiën',
    year: '2023',
    where: 'rijksfinancien.nl',
  },
  'deskundigencommissie-groeipijn': {
    short: 'Deskundigencommissie Hervormingsagenda Jeugd (Van Ark), "Groeipijn"',
    title: 'Groeipijn (advies van de Deskundigencommissie Hervormingsagenda Jeugd, 30-01-2025)',
    publisher: 'Rijksoverheid',
    year: '2025',
    where: 'rijksoverheid.nl',
  },
  'voorjaarsnota-2025-jeugd': {
    short: 'gemeente.nu en Reformatorisch Dagblad, berichtgeving Voorjaarsnota 2025',
    title: 'Voorjaarsnota 2025: middelen jeugd 2025–2027 en maatregelen vanaf 2028',
    publisher: 'gemeente.nu; Reformatorisch Dagblad',
    year: '2025',
    where: 'gemeente.nu; rd.nl',
  },
  'iv3-2023': {
    short: 'Rijksoverheid, Iv3-informatievoorschrift gemeenten 2023',
    title: 'Iv3-informatievoorschrift gemeenten 2023 (taakvelden)',
    publisher: 'Rijksoverheid',
    year: '2023',
    where: 'rijksoverheid.nl',
  },
  'iv3-faq-jeugd-wmo': {
    short: 'Rijksoverheid, "Veelgestelde vragen verfijning Iv3 jeugd en Wmo"',
    title: 'Veelgestelde vragen verfijning Iv3 jeugd en Wmo (iJw-productcodes naar taakvelden)',
    publisher: 'Rijksoverheid',
    where: 'rijksoverheid.nl',
  },
  // ------------------------------------------------------------ begrotingen of gemeenten in the region
  'venlo-begroting-2024': {
    short: 'Gemeente Venlo, Programmabegroting 2024',
    title: 'Programmabegroting 2024–2027, programmalijn Zelfredzaamheid, Begrotingsvoorstellen 2024–2027',
    publisher: 'Gemeente Venlo',
    year: '2023',
    where: 'venlo.begroting-2024.nl',
  },
  'venlo-begroting-2025': {
    short: 'Gemeente Venlo, Programmabegroting 2025',
    title: 'Programmabegroting 2025–2028, programmalijn Zelfredzaamheid, Begrotingsvoorstellen 2025–2028',
    publisher: 'Gemeente Venlo',
    year: '2024',
    where: 'venlo.begroting-2025.nl',
  },
  'venlo-begroting-2026': {
    short: 'Gemeente Venlo, Programmabegroting 2026',
    title: 'Programmabegroting 2026–2029, programmalijn Zelfredzaamheid, Begrotingsvoorstellen 2026–2029',
    publisher: 'Gemeente Venlo',
    year: '2025',
    where: 'venlo.begroting-2026.nl',
  },
  // ------------------------------------------------------------ local news (figures without a stated year)
  'omroep-peel-en-maas': {
    short: 'Omroep Peel en Maas, berichtgeving over jeugdzorg in Peel en Maas en Beesel',
    title: 'Berichtgeving over jeugdzorg in Peel en Maas en Beesel',
    publisher: 'Omroep Peel en Maas',
    where: 'omroep-peelenmaas.lokaalnieuwsnet.nl',
  },
  'hallo-horst': {
    short: 'HALLO Horst aan de Maas, berichtgeving over jeugdhulp',
    title: 'Berichtgeving over jeugdhulp in Horst aan de Maas',
    publisher: 'HALLO Horst aan de Maas',
    where: 'hallohorstaandemaas.nl',
  },
} as const satisfies Record<string, SourceDoc>;

export type SourceId = keyof typeof SOURCES;

function doc(id: SourceId): SourceDoc {
  return SOURCES[id];
}

/**
 * The inline citation: "Regionaal Beleidsplan Jeugd 2022 en verder, Bijlage 3, tabel Verblijf met
 * behandeling, 2019". `detail` names the part (bijlage, tabel, paragraaf) and the year of the figure;
 * without it the citation ends with the year of publication when the document states one.
 */
export function cite(id: SourceId, detail?: string): string {
  const d = doc(id);
  if (detail && detail.trim() !== '') return `${d.short}, ${detail.trim()}`;
  return d.year ? `${d.short}, ${d.year}` : d.short;
}

/** The entry in a list of sources: publisher, full title, year (or "z.j." when the document states none), where. */
export function reference(id: SourceId): string {
  const d = doc(id);
  return `${d.publisher}, ${d.title}, ${d.year ?? 'z.j.'}${d.where ? ` (${d.where})` : ''}`;
}

/** An estimate: "Schatting: " plus the reasoning it rests on. */
export function estimateNote(reasoning: string): string {
  return `Schatting: ${reasoning}`;
}

// ---------------------------------------------------------------- legacy texts
/*
 * Older model and scenario files cited the regional documents by the name of the text file they were
 * read from (index, underscore, hash, ".txt") and public figures "via" the project's working note. The
 * patterns are built from the parts above so no such name is written out in the source.
 */
const SEED_EXT = 'txt';
const NOTE_NAME = ['facts', 'md'].join('\\.');

function seedFileName(seed: { index: number; hash: string }): string {
  return `${String(seed.index).padStart(3, '0')}_${seed.hash}\\.${SEED_EXT}`;
}

const ANY_SEED_FILE = `[0-9]{3}_[0-9a-f]{16}\\.${SEED_EXT}`;
const SEED_DOCS = (Object.keys(SOURCES) as SourceId[]).flatMap((id) => {
  const seed = (SOURCES[id] as SourceDoc).seed;
  return seed ? [{ id, pattern: seedFileName(seed) }] : [];
});

interface Rewrite {
  pattern: RegExp;
  replace: string | ((...m: string[]) => string);
}

const REWRITES: Rewrite[] = [
  // "<file> (Regionaal Beleidsplan Jeugd 2022 en verder, regio Noord-Limburg)" → the parenthesised title
  { pattern: new RegExp(`${ANY_SEED_FILE} \\(([^()]+)\\)`, 'g'), replace: (_m, inner) => inner! },
  // "(…, § 4.1, <file>)" → "(…, § 4.1)"
  { pattern: new RegExp(`,\\s*${ANY_SEED_FILE}`, 'g'), replace: '' },
  // "(<file>, Bijlage 3)" → "(Bijlage 3)"
  { pattern: new RegExp(`${ANY_SEED_FILE},\\s*`, 'g'), replace: '' },
  // a bare file name of a known document → its citation
  ...SEED_DOCS.map(({ id, pattern }) => ({ pattern: new RegExp(pattern, 'g'), replace: () => SOURCES[id].short })),
  // any other such file name → a neutral phrase
  { pattern: new RegExp(ANY_SEED_FILE, 'g'), replace: 'een regionaal brondocument' },
  // the working note: "(via <note>)", ", via <note>", " via <note>" → dropped
  { pattern: new RegExp(`\\s*\\(via ${NOTE_NAME}\\)`, 'g'), replace: '' },
  { pattern: new RegExp(`,?\\s*via ${NOTE_NAME}`, 'g'), replace: '' },
  // "op basis van <note> (VNG-advies …)" → "op basis van VNG-advies …"
  { pattern: new RegExp(`${NOTE_NAME} \\(([^()]+)\\)`, 'g'), replace: (_m, inner) => inner! },
  { pattern: new RegExp(`\\s*\\(${NOTE_NAME}\\)`, 'g'), replace: '' },
  { pattern: new RegExp(`,\\s*${NOTE_NAME}`, 'g'), replace: '' },
  { pattern: new RegExp(`(in|volgens) ${NOTE_NAME}`, 'g'), replace: '$1 de publieke bronnen' },
  { pattern: new RegExp(NOTE_NAME, 'g'), replace: 'publieke bronnen' },
];

const LEGACY = new RegExp(`${ANY_SEED_FILE}|${NOTE_NAME}`);

/** True when a text still names a source by an internal file name. */
export function hasLegacySourceName(text: string): boolean {
  return LEGACY.test(text);
}

/**
 * A source text as users read it: legacy file-name citations rewritten to the document's title;
 * any other text unchanged. Use on display and export of every `source` field.
 */
export function citeSource(text: string): string;
export function citeSource(text: string | undefined): string | undefined;
export function citeSource(text: string | undefined): string | undefined {
  if (text === undefined || !LEGACY.test(text)) return text;
  let out = text;
  for (const r of REWRITES)
    out = typeof r.replace === 'string' ? out.replace(r.pattern, r.replace) : out.replace(r.pattern, r.replace);
  return out
    .replace(/\(\s*\)/g, '')
    .replace(/ {2,}/g, ' ')
    .replace(/ ([,.;)])/g, '$1');
}

/** The documents cited in these texts (by their inline citation), in the order of SOURCES: for a list of sources. */
export function referencedSources(texts: readonly (string | undefined)[]): SourceId[] {
  const all = texts
    .filter((t): t is string => Boolean(t))
    .map((t) => citeSource(t))
    .join('\n');
  return (Object.keys(SOURCES) as SourceId[]).filter((id) => all.includes(SOURCES[id].short));
}
