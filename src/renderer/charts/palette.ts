/** Calm, distinguishable colours (Okabe–Ito based, colour-blind safe), cycled for many segments. */
export const SEGMENT_COLORS = [
  '#0072B2',
  '#E69F00',
  '#009E73',
  '#56B4E9',
  '#D55E00',
  '#CC79A7',
  '#7A6F00',
  '#5C4B8A',
  '#2F8F83',
  '#A0522D',
  '#6B8E23',
  '#B8860B',
  '#4682B4',
  '#8B3A62',
  '#556B2F',
  '#708090',
  '#9E2A2B',
  '#00838F',
  '#6D4C41',
  '#283593',
];
/** legend and label text: the ink colour, not the series colour (≥ 4,5:1 on white) */
export const LEGEND_TEXT_COLOR = '#1a1d21';

export function segmentColor(index: number): string {
  return SEGMENT_COLORS[index % SEGMENT_COLORS.length]!;
}

export const FUNDING_COLOR = '#111111';
export const TEKORT_COLOR = '#B00020';
export const OVERSCHOT_COLOR = '#1B7F3B';
