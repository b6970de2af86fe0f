/**
 * The `--json` output of the CLI: exactly the document docs/formats.md specifies,
 * unrounded. Volume lines carry year, cost, clientMonths, inflow and clientsEnd;
 * budget lines only year and cost. Fields the engine adds for the UI (paths,
 * shares, funding parts) are left out so scripts can rely on the shape.
 */
import type { SimulationResult } from '../../shared/engine/result';

export interface CliJsonVolumeYear {
  year: number;
  cost: number;
  clientMonths: number;
  inflow: number;
  clientsEnd: number;
}

export interface CliJsonBudgetYear {
  year: number;
  cost: number;
}

export interface CliJsonLine {
  id: string;
  name: string;
  kind: 'volume' | 'budget';
  years: CliJsonVolumeYear[] | CliJsonBudgetYear[];
}

export interface CliJsonYearTotals {
  year: number;
  cost: number;
  funding: number;
  balance: number;
}

export interface CliJson {
  years: number[];
  lines: CliJsonLine[];
  totals: CliJsonYearTotals[];
  gemeenten: { id: string; name: string; years: CliJsonYearTotals[] }[];
}

export function toCliJson(result: SimulationResult): CliJson {
  return {
    years: [...result.years],
    lines: result.lines.map((line): CliJsonLine =>
      line.kind === 'volume'
        ? {
            id: line.id,
            name: line.name,
            kind: 'volume',
            years: line.years.map((y) => ({ year: y.year, cost: y.cost, clientMonths: y.clientMonths, inflow: y.inflow, clientsEnd: y.clientsEnd })),
          }
        : { id: line.id, name: line.name, kind: 'budget', years: line.years.map((y) => ({ year: y.year, cost: y.cost })) },
    ),
    totals: result.totals.map((t) => ({ year: t.year, cost: t.cost, funding: t.funding, balance: t.balance })),
    gemeenten: result.gemeenten.map((g) => ({
      id: g.id,
      name: g.name,
      years: g.years.map((y) => ({ year: y.year, cost: y.cost, funding: y.funding, balance: y.balance })),
    })),
  };
}
