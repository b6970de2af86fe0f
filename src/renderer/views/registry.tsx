/**
 * The views in the left navigation, in order. Later features (e.g. analysis:
 * Monte Carlo bands, tornado, goal seek) add an entry here; nothing else needs
 * to know the list.
 */
import type { ComponentType } from 'react';
import { Overzicht } from './Overzicht';
import { Aannames } from './Aannames';
import { Basismodel } from './Basismodel';
import { Scenarios } from './Scenarios';
import { Vergelijken } from './Vergelijken';
import { PerGemeente } from './PerGemeente';
import { Presentatie } from './Presentatie';
import { Analyse } from './Analyse';
import { Rijksmiddelen } from './Rijksmiddelen';
import { Realisatie } from './Realisatie';

export interface ViewDef {
  id: string;
  label: string;
  Component: ComponentType;
  /** full-screen views hide the app's chrome */
  fullScreen?: boolean;
}

export const VIEWS: ViewDef[] = [
  { id: 'overzicht', label: 'Overzicht', Component: Overzicht },
  { id: 'aannames', label: 'Aannames', Component: Aannames },
  { id: 'rijksmiddelen', label: 'Rijksmiddelen en preventie', Component: Rijksmiddelen },
  { id: 'basismodel', label: 'Basismodel', Component: Basismodel },
  { id: 'realisatie', label: 'Realisatie', Component: Realisatie },
  { id: 'scenarios', label: "Scenario's", Component: Scenarios },
  { id: 'vergelijken', label: 'Vergelijken', Component: Vergelijken },
  { id: 'gemeenten', label: 'Per gemeente', Component: PerGemeente },
  { id: 'analyse', label: 'Analyse', Component: Analyse },
  { id: 'presentatie', label: 'Presentatie', Component: Presentatie, fullScreen: true },
];

export function findView(id: string): ViewDef {
  return VIEWS.find((v) => v.id === id) ?? VIEWS[0]!;
}
