// Every English text of the map, in one place (to move into the message catalogues as they are).
import { WEEKDAY_TEXT } from './attention-text.js';

export const MAP_TEXT = {
  routes: 'Routes:',
  weekday: WEEKDAY_TEXT,
  plannedRoute: (stops: number) => `planned route, ${stops} stops`,
  baseOf: (name: string) => `base of ${name}`,
} as const;
