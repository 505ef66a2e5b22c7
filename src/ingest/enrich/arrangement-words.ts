// Work-arrangement words of the languages whose location labels the readers accept (French,
// German, Spanish, Portuguese, Italian: see location-label.ts), as pattern sources. Such a line
// ("Lieu : Télétravail (France uniquement)", "Ubicación: Remoto (solo España)") says remote and
// where in them: without these words "Remoto" was read as a city and the line said nothing.
// English has its own, finer patterns beside each use.

/** Remote work. */
export const REMOTE_WORDS = 't[ée]l[ée]travail|remot[oa]|teletrabajo';
/**
 * German "Homeoffice" ("Home-Office" where no word follows: "Home-Office Furniture" is
 * English): remote in a title or location line, but on a line of its own in a description it
 * is as often a perk in a benefits list. Not "home office" with a space: in English that is a
 * ministry.
 */
export const HOME_OFFICE = 'homeoffice|home-office(?![^\\S\\n]+\\p{L})';
/** Hybrid work (German writes "hybrid", as English does). */
export const HYBRID_WORDS = 'hybride|h[íi]brido|ibrido';
/** Work at the employer's site. */
export const ONSITE_WORDS =
  'pr[ée]sentiel|presencial|sur\\s+site|vor\\s+ort|in\\s+sede|in\\s+presenza';
/** "Only" beside a place: "France uniquement", "ausschließlich Deutschland", "apenas Brasil". */
export const ONLY_WORDS =
  'uniquement|seulement|exclusivement|ausschlie(?:ß|ss)lich|solamente|[úu]nicamente|exclusivamente|apenas|somente|soltanto';
/**
 * The same in lower case only, before another word ("nur Deutschland", "solo España"):
 * capitalized or alone they are names (Nur Sultan, Solo in Java).
 */
export const ONLY_WORDS_LOWER_CASE = '(?:nur|s[óo]lo)(?=\\s+\\p{L})';

/**
 * The words as whole words, case-insensitively unless asked: a letter beyond ASCII counts as a
 * word letter on either side (`\b` would not, and "únicamente" would never match after a space).
 */
export function wholeWords(
  words: string,
  options: { global?: boolean; caseSensitive?: boolean } = {},
): RegExp {
  const flags = `${options.global ? 'g' : ''}${options.caseSensitive ? '' : 'i'}u`;
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${words})(?![\\p{L}\\p{N}])`, flags);
}

/** "Remoto", "Télétravail", "Homeoffice" in a short field (title, location line). */
export const OTHER_REMOTE_IN_FIELD = wholeWords(`${REMOTE_WORDS}|${HOME_OFFICE}`);
