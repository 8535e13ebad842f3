/** Wraps left-to-right text (times, dates, numbers) in a bidi isolate, so it reads right inside Urdu. */
export const isolate = (text: string) => `\u2066${text}\u2069`;
