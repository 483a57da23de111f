/** The cities the demo knows; a message naming one offers "Forecast for this city". */
const CITIES = ['Paris', 'London', 'Lisbon', 'Oslo', 'Tokyo', 'Berlin', 'Madrid', 'Rome', 'Dublin', 'Sydney'];

/** Matches a city's name in a message, whole words, any case; the action's condition and its page share it. */
export const CITY_PATTERN = `\\b(?:${CITIES.join('|')})\\b`;

/** What a person may choose: a name of letters, spaces, dots, apostrophes and hyphens. */
export const CITY_NAME = /^[\p{L}][\p{L} .'-]{0,39}$/u;

/** The demo's weather never changes: it is about the protocol, not the sky. */
export function forecastFor(city: string) {
  return { city, today: '21°, sunny', tomorrow: '19°, a light breeze from the west' };
}
