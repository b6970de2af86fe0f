/**
 * The readable table of `npm run simulate`: lasten per segment per year, the
 * total, the Rijksmiddelen and the saldo, in nl-NL euro (€ 1.234.567). Pure:
 * returns text.
 */
import type { SimulationResult } from '../../shared/engine/result';
import { formatEuro } from '../../shared/locale/numbers';

export interface TableContext {
  modelName: string;
  scenarioName: string;
  /** where the model and scenario came from, for the header */
  modelSource: string;
  scenarioSource: string;
}

const NAME_WIDTH = 46;

function fit(text: string, width: number): string {
  return text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width);
}

export function renderTable(result: SimulationResult, ctx: TableContext): string {
  const rows: { label: string; values: number[]; rule?: boolean }[] = [];
  let group: string | undefined;
  const groupHeaders: Map<number, string> = new Map();
  result.lines.forEach((line) => {
    if (line.group && line.group !== group) {
      group = line.group;
      groupHeaders.set(rows.length, group);
    }
    rows.push({ label: `${line.group ? '  ' : ''}${line.name}`, values: line.years.map((y) => y.cost) });
  });
  rows.push({ label: 'Totaal lasten', values: result.totals.map((t) => t.cost), rule: true });
  rows.push({ label: 'Rijksmiddelen (baten)', values: result.totals.map((t) => t.funding) });
  // What makes up the funding beyond the index path, so every euro in the total can be traced.
  const measures = result.fundingMeasures ?? [];
  if (measures.length > 0 || result.totals.some((t) => t.fundingAdjustment !== 0)) {
    rows.push({ label: '  waarvan basis met index', values: result.totals.map((t) => t.fundingBaseline) });
    if (result.totals.some((t) => t.fundingAdjustment !== 0))
      rows.push({ label: '  waarvan incidentele bijstelling', values: result.totals.map((t) => t.fundingAdjustment) });
    for (const m of measures) rows.push({ label: `  waarvan ${m.name}`, values: m.years });
  }
  rows.push({ label: 'Saldo (negatief = tekort)', values: result.totals.map((t) => t.balance), rule: true });

  const cells = rows.map((r) => r.values.map(formatEuro));
  const width = Math.max(...result.years.map((y) => String(y).length), ...cells.flat().map((c) => c.length)) + 2;
  // A realised year is marked "R" above its column (and explained below the table).
  const realised = result.totals.map((t) => t.kind === 'realisatie');
  const anyRealised = realised.some(Boolean);
  const header = `${' '.repeat(NAME_WIDTH)}${result.years.map((y) => String(y).padStart(width)).join('')}`;
  const marks = `${fit('', NAME_WIDTH)}${realised.map((r) => (r ? 'R' : '').padStart(width)).join('')}`.trimEnd();
  const rule = '─'.repeat(header.length);

  const out: string[] = [
    `Model:    ${ctx.modelName} (${ctx.modelSource})`,
    `Scenario: ${ctx.scenarioName} (${ctx.scenarioSource})`,
    'Lasten per segment, Rijksmiddelen en saldo per jaar, in euro',
    '',
    ...(anyRealised ? [marks] : []),
    header,
    rule,
  ];
  rows.forEach((row, k) => {
    const g = groupHeaders.get(k);
    if (g) out.push(g);
    if (row.rule) out.push(rule);
    out.push(`${fit(row.label, NAME_WIDTH)}${cells[k]!.map((c) => c.padStart(width)).join('')}`);
  });
  out.push(rule);
  if (anyRealised) {
    const last = result.years[realised.lastIndexOf(true)]!;
    const fundingRealised = result.totals.filter((t) => t.fundingKind === 'realisatie').map((t) => t.year);
    out.push(`R = realisatie: de gerealiseerde cijfers t/m ${last}; latere jaren zijn raming, gerekend vanaf ${last}.`);
    out.push(
      fundingRealised.length > 0
        ? `Rijksmiddelen gerealiseerd in ${fundingRealised.join(', ')}; overige jaren geraamd.`
        : 'Rijksmiddelen: in alle jaren geraamd (geen gerealiseerde Rijksmiddelen per gemeente in het model).',
    );
  }
  return `${out.join('\n')}\n`;
}
