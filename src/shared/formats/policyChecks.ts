/**
 * The model-dependent checks of a scenario's beleidsmaatregelen (formats/policies): known segments
 * of the right kind, years in range, a realisation range around the realisation, durations ≥ 1
 * month and shifts of at most 100% of a segment's inflow, also at full (100%) realisation.
 */
import type { Model } from './model';
import { checkYearKeys } from './model';
import type { Scenario } from './scenario';
import { makeIssue, type ValidationIssue } from './issues';
import { fmt } from './common';
import { POLICY_EFFECT_FIELDS } from './policies';
import { policyFactors } from '../engine/policies';
import { yearPath } from '../engine/paths';
import { modelYears } from '../years';

function nl(x: number): string {
  return x.toLocaleString('nl-NL', { maximumFractionDigits: 4 });
}

export function checkPolicies(scenario: Scenario, model: Model): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const policies = scenario.policies;
  if (!policies || policies.length === 0) return issues;
  const add = (path: PropertyKey[], message: string) => issues.push(makeIssue(path, message));
  const segments = new Map(model.segments.map((s) => [s.id, s]));
  const years = modelYears(model);
  let structural = false;

  policies.forEach((p, i) => {
    const base = ['policies', i];
    for (const [segmentId, effect] of Object.entries(p.effects)) {
      const seg = segments.get(segmentId);
      if (!seg) {
        add([...base, 'effects', segmentId], `${fmt(segmentId)} is geen segment van model "${model.name}"`);
        structural = true;
        continue;
      }
      for (const field of POLICY_EFFECT_FIELDS) {
        const map = effect[field];
        if (!map) continue;
        const wrongKind = field === 'amountChangePct' ? seg.kind !== 'budget' : seg.kind !== 'volume';
        if (wrongKind) {
          add(
            [...base, 'effects', segmentId, field],
            `geldt niet voor een ${seg.kind === 'volume' ? 'volumesegment' : 'budgetregel'}`,
          );
          structural = true;
          continue;
        }
        checkYearKeys(map, [...base, 'effects', segmentId, field], model.baseYear, model.endYear, add);
      }
    }
    p.substitutions.forEach((rule, j) => {
      const path = [...base, 'substitutions', j];
      for (const end of ['from', 'to'] as const) {
        const seg = segments.get(rule[end]);
        if (!seg) {
          add([...path, end], `${JSON.stringify(rule[end])} is geen segment van model "${model.name}"`);
          structural = true;
        } else if (seg.kind !== 'volume') {
          add(
            [...path, end],
            `${JSON.stringify(rule[end])} is een budgetregel; een verschuiving kan alleen tussen volumesegmenten`,
          );
          structural = true;
        }
      }
      if (rule.from === rule.to) add([...path, 'to'], `${JSON.stringify(rule.to)} is hetzelfde segment als van`);
      checkYearKeys(rule.sharePct, [...path, 'sharePct'], model.baseYear, model.endYear, add);
    });
    const range = p.ranges?.realisatiePct;
    if (range) {
      const path = [...base, 'ranges', 'realisatiePct'];
      if (range.low < 0)
        add([...path, 'low'], `laag ${nl(range.low)}% is negatief: de realisatie ligt tussen 0% en 100%`);
      if (range.high > 100)
        add([...path, 'high'], `hoog ${nl(range.high)}% is meer dan 100%: de realisatie ligt tussen 0% en 100%`);
      if (range.low > p.realisatiePct)
        add(
          [...path, 'low'],
          `laag ${nl(range.low)}% is groter dan de realisatie ${nl(p.realisatiePct)}%: de meest waarschijnlijke waarde moet binnen de bandbreedte liggen`,
        );
      if (range.high < p.realisatiePct)
        add(
          [...path, 'high'],
          `hoog ${nl(range.high)}% is kleiner dan de realisatie ${nl(p.realisatiePct)}%: de meest waarschijnlijke waarde moet binnen de bandbreedte liggen`,
        );
    }
  });
  if (structural) return issues;

  // At the given realisation and at full realisation (the most a draw or an edit can reach).
  const full = policies.map(() => 100);
  for (const realisatie of [undefined, full]) {
    const factors = policyFactors(policies, years, realisatie);
    for (const [segmentId, f] of factors.durationChangePct) {
      const seg = segments.get(segmentId);
      if (!seg || seg.kind !== 'volume') continue;
      const own = yearPath(seg.avgDurationMonths, scenario.assumptions[segmentId]?.durationChangePct, years);
      const k = own.findIndex((d, j) => d * f[j]! < 1);
      if (k >= 0) {
        const i = policies.findIndex((p) => p.effects[segmentId]?.durationChangePct);
        add(
          ['policies', i, 'effects', segmentId, 'durationChangePct'],
          `maakt de trajectduur in ${years[k]} ${nl(Math.round(own[k]! * f[k]! * 100) / 100)} maand${realisatie ? ' bij volledige realisatie' : ''}: kleiner dan 1 maand`,
        );
        return issues;
      }
    }
  }
  const outShare = new Map<string, number[]>();
  const addShare = (from: string, sharePct: Readonly<Record<string, number>>) => {
    const totals = outShare.get(from) ?? years.map(() => 0);
    years.forEach((y, k) => {
      totals[k] = totals[k]! + (sharePct[String(y)] ?? 0);
    });
    outShare.set(from, totals);
  };
  for (const rule of scenario.substitutions) addShare(rule.from, rule.sharePct);
  for (const p of policies) for (const rule of p.substitutions) addShare(rule.from, rule.sharePct);
  for (const [from, totals] of outShare) {
    const k = totals.findIndex((t) => t > 100 + 1e-9);
    if (k < 0) continue;
    const i = policies.findIndex((p) => p.substitutions.some((r) => r.from === from));
    if (i < 0) continue; // the scenario's own rules are checked (and reported) there
    const j = policies[i]!.substitutions.findIndex((r) => r.from === from);
    add(
      ['policies', i, 'substitutions', j, 'sharePct', String(years[k])],
      `bij volledige realisatie wordt in ${years[k]} ${nl(totals[k]!)}% van de instroom van ${JSON.stringify(from)} verschoven: meer dan 100%`,
    );
  }
  return issues;
}
