// Some boards print the location inside the description instead of a feed element: We Work
// Remotely (2015) "Location: Los Angeles, CA URL: …", Research Computing Teams "Location:
// Remote USA Categories: …". Plain text runs those lines together, so the value ends where the
// next "Label:" begins; without a next label within reach the line is not read.

const LABELED =
  /\bLocation\s*:\s*([^:]{1,120}?)\s+(?:(?:[A-Z][a-z]+|URL)\s*:|View Job Posting\b|To apply\b)/;

/** The first "Location:" line of a listing's plain text, or null. */
export function labeledLocation(text: string): string | null {
  const value = LABELED.exec(text)?.[1]?.trim();
  return value ? value : null;
}
