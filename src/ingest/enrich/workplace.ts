// Whether a job is remote, hybrid or on-site, from what the listing says; unknown when it says
// nothing clear. A city in the location line is not "on-site": it may be the company's address.
//
// Short fields (feed region, title, location) and the description are read apart, then:
// "remote or hybrid" anywhere is remote (remote is on offer); hybrid anywhere is hybrid (it is
// the specific statement, and hybrid listings mention both remote and the office); otherwise
// the short fields win over the description, whose "on-site" may be an occasional meetup.
import type { Workplace } from '../../domain/job-intel.ts';
import { labeledLocation } from './location-label.ts';
import { fieldSignals, type Signals, textSignals } from './workplace-signals.ts';

/** The job fields workplace detection reads. */
export type WorkplaceInput = {
  title: string;
  text: string;
  location: string | null;
  region: string | null;
};

// We Work Remotely's <region> values ("Anywhere in the World", "USA Only") exist only on remote jobs.
const REMOTE_REGION = /\b(?:anywhere|worldwide|only|remote)\b/i;

/** Remote, hybrid, on-site, or unknown when the listing does not say clearly. */
export function detectWorkplace(input: WorkplaceInput): Workplace {
  const region = input.region ?? '';
  const title = fieldSignals(input.title, { anywhereIsRemote: false });
  // A board's "Location:" line in the description is read like the location field.
  const line = input.location ?? labeledLocation(input.text) ?? '';
  const location = fieldSignals(line, { anywhereIsRemote: true });
  const fields = merge(title, location, fieldSignals(region, { anywhereIsRemote: true }));
  if (REMOTE_REGION.test(region)) fields.remote = true;
  const text = textSignals(input.text);
  const offered = (s: Signals) => s.remoteOption && !s.notRemote;
  if (offered(fields) || offered(text)) return 'remote';
  const stated = verdict(fields);
  const described = verdict(text);
  if (stated === 'hybrid' || described === 'hybrid') return 'hybrid';
  return stated ?? described ?? 'unknown';
}

function merge(...all: Signals[]): Signals {
  return {
    remote: all.some((s) => s.remote),
    hybrid: all.some((s) => s.hybrid),
    onsite: all.some((s) => s.onsite),
    notRemote: all.some((s) => s.notRemote),
    remoteOption: all.some((s) => s.remoteOption),
  };
}

function verdict(s: Signals): Workplace | null {
  if (s.hybrid) return 'hybrid';
  // "Not remote" leaves the office; hybrid was ruled out above.
  if (s.notRemote) return 'onsite';
  if (s.remote && s.onsite) return null;
  if (s.remote) return 'remote';
  return s.onsite ? 'onsite' : null;
}
