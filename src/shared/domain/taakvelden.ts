/**
 * Iv3/BBV taakvelden for jeugd, in force since begroting and jaarrekening 2023
 * ("Iv3-informatievoorschrift gemeenten en gemeenschappelijke regelingen 2023",
 * Rijksoverheid, 2023: § "Belangrijkste wijzigingen", the split of 6.72
 * Maatwerkdienstverlening 18- into 6.72a–6.74c and of 6.82 Geëscaleerde zorg 18-
 * into 6.82a/6.82b). The old codes 6.71, 6.72, 6.81 and 6.82 as such may no
 * longer be used.
 *
 * Which segment goes where (the default model, scripts/build-default-model.ts), checked
 * against that list; "Veelgestelde vragen verfijning Iv3 jeugd en Wmo" (Rijksoverheid,
 * versie 2, 31-10-2022) assigns the iJw product codes to these taakvelden (its text could not
 * be consulted when this was checked: the dyslexie choice rests on the definition of 6.74a):
 * - Dyslexiezorg (EED) → 6.74a Jeugdhulp behandeling GGZ zonder verblijf, not 6.72d:
 *   EED is diagnostiek en behandeling within the jeugd-GGZ ("Handreiking dyslexiezorg onder
 *   de Jeugdwet", VNG, VWS en VenJ, 2014: dyslexiezorg "binnen het domein van de GGZ"), and
 *   6.72d is the rest category for jeugdhulp zonder verblijf that fits no other taakveld.
 * - Ambulante GGZ → 6.74a; ambulante begeleiding → 6.72a; ambulante behandeling and
 *   dagbehandeling → 6.72b; dagbesteding → 6.72c; pleegzorg → 6.73a; gezinshuizen → 6.73b;
 *   verblijf met behandeling → 6.73c; crisis → 6.74b; JeugdzorgPlus → 6.74c;
 *   jeugdbescherming → 6.82a; jeugdreclassering → 6.82b.
 * - Veilig Thuis (7.1) and the regional preventiebudget (6.1) lie outside the jeugd
 *   taakvelden; the model says so in their sources.
 */
export const TAAKVELDEN = {
  '6.1': 'Samenkracht en burgerparticipatie',
  '6.2': 'Toegang en eerstelijnsvoorzieningen',
  '6.72a': 'Jeugdhulp begeleiding',
  '6.72b': 'Jeugdhulp behandeling',
  '6.72c': 'Jeugdhulp dagbesteding',
  '6.72d': 'Jeugdhulp zonder verblijf overig',
  '6.73a': 'Pleegzorg',
  '6.73b': 'Gezinsgericht',
  '6.73c': 'Jeugdhulp met verblijf overig',
  '6.74a': 'Jeugdhulp behandeling GGZ zonder verblijf',
  '6.74b': 'Jeugdhulp crisis/LTA/GGZ-verblijf',
  '6.74c': 'Gesloten plaatsing',
  '6.82a': 'Jeugdbescherming',
  '6.82b': 'Jeugdreclassering',
  '7.1': 'Volksgezondheid',
} as const;

export type TaakveldCode = keyof typeof TAAKVELDEN;

export const TAAKVELD_CODES = Object.keys(TAAKVELDEN) as TaakveldCode[];

/** Codes that existed before 2023 and are refused with a specific message. */
export const OBSOLETE_TAAKVELDEN = ['6.71', '6.72', '6.73', '6.74', '6.81', '6.82'] as const;

export function isTaakveldCode(code: string): code is TaakveldCode {
  return Object.prototype.hasOwnProperty.call(TAAKVELDEN, code);
}

/**
 * The taakveld of the baten: the Rijksmiddelen jeugd reach a gemeente through the algemene
 * uitkering of the gemeentefonds, booked on taakveld 0.7 (Iv3-informatievoorschrift 2023;
 * "Vraagbaak Iv3 gemeenten", taakveld 0.7: algemene uitkering, integratie- en
 * decentralisatie-uitkeringen; specifieke uitkeringen go on the taakveld they pay for).
 */
export const BATEN_TAAKVELD = { code: '0.7', name: 'Algemene uitkering en overige uitkeringen gemeentefonds' } as const;
