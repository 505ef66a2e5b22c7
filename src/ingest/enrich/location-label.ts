// Some boards print the location inside the description instead of a feed element: We Work
// Remotely (2015) "Location: Los Angeles, CA URL: …", Research Computing Teams "Location:
// Remote USA Categories: …". Plain text runs those lines together, so the value ends where the
// next "Label:" begins; without a next label within reach the line is not read.

const LABELED =
  /\bLocation\s*:\s*([^:]{1,120}?)\s+(?:(?:[A-Z][a-z]+|URL)\s*:|View Job Posting\b|To apply\b)/;

// Plain text joins block elements with a space: "<p>Location: Berlin, Germany</p><p>Remote (EU
// only). …</p>" reads "Location: Berlin, Germany Remote (EU only). …". A capitalized workplace
// word straight after a place (no "or", "/", "," … between them) starts the next statement.
const RUN_ON =
  /(?<=[\p{L}\p{N}.)])(?<!\b(?:or|and|OR|AND))\s+(?=(?:Remote|Hybrid|On-?site|Onsite|In-office)\b)/u;

/** The first "Location:" line of a listing's plain text, or null. */
export function labeledLocation(text: string): string | null {
  const value = LABELED.exec(text)?.[1]?.trim();
  if (!value) return null;
  const runOn = RUN_ON.exec(value);
  return runOn && runOn.index > 0 ? value.slice(0, runOn.index) : value;
}
