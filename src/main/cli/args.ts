/**
 * Command-line arguments of `npm run simulate`, parsed into a typed options
 * object. Pure: no I/O. To add a flag (e.g. `--xlsx FILE`), add a field to
 * CliOptions and an entry to FLAGS; the parser, the duplicate check and the
 * help text follow from the table.
 */
import { MAX_DRAWS } from '../../shared/analysis/montecarlo';
import { isValidSeed } from '../../shared/analysis/random';

export interface CliOptions {
  /** model file; default: the bundled models/noord-limburg.json */
  modelFile?: string;
  /** scenario file; default: "Ongewijzigd beleid" with the default model, an empty scenario otherwise */
  scenarioFile?: string;
  /** print one JSON document instead of the table */
  json: boolean;
  help: boolean;
  /** analysis (see cli/analysis.ts): Monte Carlo draws and seed, tornado, goal-seek spec */
  montecarlo?: number;
  seed?: number;
  tornado?: boolean;
  goalSeek?: string;
  /** backtest: forecast the last realised year from the year before and compare (shared/analysis/backtest) */
  backtest?: boolean;
  /** Excel begrotingsbijlage (see cli/xlsx.ts): output file, scope (region|all|gemeente id), unit */
  xlsx?: string;
  scope?: string;
  unit?: 'euro' | 'thousand';
  /** bij --xlsx: the begrotingsjaar (its column says "begroting"); default the year after today's */
  begrotingsjaar?: number;
}

export interface FlagSpec {
  /** e.g. "--model" */
  flag: string;
  /** placeholder for the value in the help text, e.g. "BESTAND"; absent for a switch */
  value?: string;
  /** Dutch help line */
  help: string;
  /** stores the value; returns a Dutch problem (without the flag name) when the value is unusable */
  apply(options: CliOptions, value: string): string | undefined;
}

export const FLAGS: FlagSpec[] = [
  {
    flag: '--model',
    value: 'BESTAND',
    help: 'modelbestand (jeugdbegroting/model@2; model@1 wordt omgezet); standaard models/noord-limburg.json',
    apply: (o, v) => void (o.modelFile = v),
  },
  {
    flag: '--scenario',
    value: 'BESTAND',
    help: 'scenariobestand (jeugdbegroting/scenario@1); standaard "Ongewijzigd beleid" bij het standaardmodel, anders geen aannames',
    apply: (o, v) => void (o.scenarioFile = v),
  },
  {
    flag: '--montecarlo',
    value: 'N',
    help: 'Monte Carlo met N trekkingen (1–50.000) over de bandbreedtes van het scenario; met --json: "bands" per jaar',
    apply: (o, v) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1 || n > MAX_DRAWS)
        return `${JSON.stringify(v)} is geen heel getal van 1 tot 50.000`;
      o.montecarlo = n;
      return undefined;
    },
  },
  {
    flag: '--seed',
    value: 'S',
    help: 'seed van de toevalsgenerator (0–4.294.967.295); zelfde seed, zelfde uitkomst',
    apply: (o, v) => {
      const n = Number(v);
      // digits only: Number() would also take '', '1e3' and '0x10'
      if (!/^\d+$/.test(v) || !isValidSeed(n)) return `${JSON.stringify(v)} is geen heel getal van 0 tot 4.294.967.295`;
      o.seed = n;
      return undefined;
    },
  },
  {
    flag: '--tornado',
    help: 'gevoeligheid: effect van elke aanname (laag/hoog, anders ±10%) op het cumulatieve saldo',
    apply: (o) => void (o.tornado = true),
  },
  {
    flag: '--goal-seek',
    value: 'SPEC',
    help: "doelzoeken, bijv. 'segment=ambulante-begeleiding;field=inflowChangePct;from=2025;target-year=2028;target=0' (docs/analysis.md)",
    apply: (o, v) => void (o.goalSeek = v),
  },
  {
    flag: '--backtest',
    help: 'hoe goed was de raming? raamt het laatste gerealiseerde jaar uit het jaar ervoor en vergelijkt per segment en in totaal (model met minstens twee gerealiseerde jaren)',
    apply: (o) => void (o.backtest = true),
  },
  {
    flag: '--xlsx',
    value: 'BESTAND',
    help: 'schrijf de begrotingsbijlage (Excel) naar BESTAND (.xlsx; .zip bij --scope all); met --montecarlo N (≥ 100) en/of --tornado ook de bladen Onzekerheid en Gevoeligheid',
    apply: (o, v) => void (o.xlsx = v),
  },
  {
    flag: '--scope',
    value: 'BEREIK',
    help: 'bij --xlsx: region (standaard), all (regio + elke gemeente, als zip) of een gemeente-id',
    apply: (o, v) => void (o.scope = v),
  },
  {
    flag: '--unit',
    value: 'EENHEID',
    help: 'bij --xlsx: euro (standaard) of duizend (bedragen × € 1.000)',
    apply: (o, v) => {
      if (v === 'euro') o.unit = 'euro';
      else if (v === 'duizend') o.unit = 'thousand';
      else return `${JSON.stringify(v)} is geen eenheid (kies euro of duizend)`;
      return undefined;
    },
  },
  {
    flag: '--begrotingsjaar',
    value: 'JAAR',
    help: 'bij --xlsx: het begrotingsjaar (die kolom heet "begroting"; standaard het jaar na vandaag, binnen de jaren van het model)',
    apply: (o, v) => {
      if (!/^\d{4}$/.test(v)) return `${JSON.stringify(v)} is geen jaartal`;
      o.begrotingsjaar = Number(v);
      return undefined;
    },
  },
  {
    flag: '--json',
    help: 'één JSON-document op stdout in plaats van de tabel (onafgeronde bedragen)',
    apply: (o) => void (o.json = true),
  },
  { flag: '--help', help: 'deze uitleg', apply: (o) => void (o.help = true) },
];

export type ArgsResult = { ok: true; options: CliOptions } | { ok: false; errors: string[] };

export function defaultOptions(): CliOptions {
  return { json: false, help: false };
}

/** Parses argv (without node and script), accepting `--flag value` and `--flag=value`. */
export function parseArgs(argv: readonly string[], flags: readonly FlagSpec[] = FLAGS): ArgsResult {
  const options = defaultOptions();
  const errors: string[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    const spec =
      flags.find((f) => f.flag === name) ?? (name === '-h' ? flags.find((f) => f.flag === '--help') : undefined);
    if (!spec) {
      errors.push(
        arg.startsWith('-')
          ? `onbekende optie ${JSON.stringify(name)} (bekend: ${flags.map((f) => f.flag).join(', ')})`
          : `onverwacht argument ${JSON.stringify(arg)}: geef bestanden op met --model of --scenario`,
      );
      continue;
    }
    if (seen.has(spec.flag)) {
      errors.push(`${spec.flag} staat er meer dan één keer`);
      continue;
    }
    seen.add(spec.flag);
    let value = '';
    if (spec.value !== undefined) {
      if (eq > 0) value = arg.slice(eq + 1);
      else if (i + 1 < argv.length && !argv[i + 1]!.startsWith('--')) value = argv[++i]!;
      if (value === '') {
        errors.push(`${spec.flag}: ${spec.value.toLowerCase()} ontbreekt (gebruik: ${spec.flag} ${spec.value})`);
        continue;
      }
    } else if (eq > 0) {
      errors.push(`${spec.flag} neemt geen waarde (kreeg ${JSON.stringify(arg.slice(eq + 1))})`);
      continue;
    }
    const problem = spec.apply(options, value);
    if (problem) errors.push(`${spec.flag}: ${problem}`);
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, options };
}

export function helpText(flags: readonly FlagSpec[] = FLAGS): string {
  const rows = flags.map((f) => [f.value ? `${f.flag} ${f.value}` : f.flag, f.help] as const);
  const width = Math.max(...rows.map(([l]) => l.length));
  return [
    'Jeugdplanner – meerjarenraming jeugdhulp doorrekenen',
    '',
    'Gebruik: npm run simulate -- [opties]',
    '         npm run --silent simulate -- --model BESTAND [--scenario BESTAND] --json',
    '',
    'Opties:',
    ...rows.map(([l, h]) => `  ${l.padEnd(width)}  ${h}`),
    '',
    'Foute invoer: foutmeldingen op stderr en exitcode 2.',
  ].join('\n');
}
