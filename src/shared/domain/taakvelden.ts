/**
 * Iv3/BBV taakvelden for jeugd, in force since begroting and jaarrekening 2023
 * (Iv3-informatievoorschrift gemeenten 2023). The old codes 6.71, 6.72, 6.81 and
 * 6.82 as such may no longer be used.
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
