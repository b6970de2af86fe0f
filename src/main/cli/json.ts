/**
 * The `--json` output of the CLI: exactly the document docs/formats.md specifies,
 * unrounded. Volume lines carry year, kind, cost, clientMonths, inflow and
 * clientsEnd; budget lines only year, kind and cost. `kind` is 'realisatie' for a
 * year ≤ the model's last realised year, else 'raming'. Fields the engine adds for the UI (paths,
 * shares, funding parts) are left out so scripts can rely on the shape.
 */
import type { FigureKind, SimulationResult } from '../../shared/engine/result';

export interface CliJsonVolumeYear {
  year: number;
  kind: FigureKind;
  cost: number;
  clientMonths: number;
  inflow: number;
  clientsEnd: number;
}

export interface CliJsonBudgetYear {
  year: number;
  kind: FigureKind;
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
  kind: FigureKind;
  cost: number;
  funding: number;
  balance: number;
}

export interface CliJson {
  years: number[];
  lines: CliJsonLine[];
  totals: (CliJsonYearTotals & { fundingKind: FigureKind })[];
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
            years: line.years.map((y) => ({
              year: y.year,
              kind: y.kind,
              cost: y.cost,
              clientMonths: y.clientMonths,
              inflow: y.inflow,
              clientsEnd: y.clientsEnd,
            })),
          }
        : {
            id: line.id,
            name: line.name,
            kind: 'budget',
            years: line.years.map((y) => ({ year: y.year, kind: y.kind, cost: y.cost })),
          },
    ),
    totals: result.totals.map((t) => ({
      year: t.year,
      kind: t.kind,
      fundingKind: t.fundingKind,
      cost: t.cost,
      funding: t.funding,
      balance: t.balance,
    })),
    gemeenten: result.gemeenten.map((g) => ({
      id: g.id,
      name: g.name,
      years: g.years.map((y) => ({ year: y.year, kind: y.kind, cost: y.cost, funding: y.funding, balance: y.balance })),
    })),
  };
}
