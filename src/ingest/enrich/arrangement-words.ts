// Work-arrangement words of the languages whose location labels the readers accept (French,
// German, Spanish, Portuguese, Italian: see location-label.ts), as pattern sources. Such a line
// ("Lieu : Télétravail (France uniquement)", "Ubicación: Remoto (solo España)") says remote and
// where in them: without these words "Remoto" was read as a city and the line said nothing.
// English has its own, finer patterns beside each use.

/** Remote work. */
export const REMOTE_WORDS = 't[ée]l[ée]travail|remot[oa]|teletrabajo';
/**
 * German "Homeoffice": remote in a title or location line, but on a line of its own in a
 * description it is as often a perk in a benefits list. Not "home office" with a space: in
 * English that is a ministry.
 */
export const HOME_OFFICE = 'home-?office';
/** Hybrid work (German writes "hybrid", as English does). */
export const HYBRID_WORDS = 'hybride|h[íi]brido|ibrido';
/** Work at the employer's site. */
export const ONSITE_WORDS =
  'pr[ée]sentiel|presencial|sur\\s+site|vor\\s+ort|in\\s+sede|in\\s+presenza';
/**
 * "Only" beside a place: "France uniquement", "nur Deutschland", "solo España". "Nur" and
 * "solo" only before another word: alone they are names (Nur-Sultan, Solo in Java).
 */
export const ONLY_WORDS =
  'uniquement|seulement|exclusivement|ausschlie(?:ß|ss)lich|nur(?=\\s+\\p{L})|s[óo]lo(?=\\s+\\p{L})|solamente|[úu]nicamente|exclusivamente|apenas|somente|soltanto';

/**
 * The words as whole words, case-insensitively: a letter beyond ASCII counts as a word letter
 * on either side (`\b` would not, and "únicamente" would never match after a space).
 */
export function wholeWords(words: string, options: { global?: boolean } = {}): RegExp {
  return new RegExp(
    `(?<![\\p{L}\\p{N}])(?:${words})(?![\\p{L}\\p{N}])`,
    options.global ? 'giu' : 'iu',
  );
}
