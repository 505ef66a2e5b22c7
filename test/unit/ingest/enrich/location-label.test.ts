import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { enrichJob } from '../../../../src/ingest/enrich/enrich-job.ts';
import { labeledLocation } from '../../../../src/ingest/enrich/location-label.ts';
import { htmlToText } from '../../../../src/ingest/normalize/text.ts';
import { jobInputOf } from '../../../helpers/job-input.ts';

describe('labeledLocation: the "Location:" line of a description', () => {
  it('ends where the next paragraph starts with a workplace word', () => {
    // The job-seeker review's listing: plain text joins the two paragraphs with a space.
    const text = htmlToText(
      '<p><strong>Location:</strong> Berlin, Germany</p><p>Remote (EU only). Salary: €70k</p>',
    );
    assert.equal(labeledLocation(text), 'Berlin, Germany');
    assert.equal(labeledLocation('Location: Berlin Hybrid Salary: x'), 'Berlin');
  });

  it("leaves out the full stop of the sentence it ended, not an abbreviation's", () => {
    const cases: Array<[string, string]> = [
      ['<p>Location: Berlin, Germany. Hybrid, 3 days a week.</p>', 'Berlin, Germany'],
      ['<p>Location: Austin, TX.</p>', 'Austin, TX'],
      ['<p>Location: Remote (EU).</p>', 'Remote (EU)'],
      ['<p>Location: Washington, D.C.</p>', 'Washington, D.C.'],
    ];
    for (const [html, expected] of cases)
      assert.equal(labeledLocation(htmlToText(`${html}<p>About us.</p>`)), expected, html);
  });

  it('keeps a workplace word that belongs to the line', () => {
    const cases: Array<[string, string]> = [
      ['Location: Remote USA Categories: x', 'Remote USA'],
      ['Location: Santa Clara or Remote CA USA Categories: x', 'Santa Clara or Remote CA USA'],
      ['Location: NYC / Remote URL: x', 'NYC / Remote'],
      ['Location: Hybrid - London URL: x', 'Hybrid - London'],
      ['Location: Los Angeles, CA URL: x', 'Los Angeles, CA'],
    ];
    for (const [text, expected] of cases) assert.equal(labeledLocation(text), expected, text);
  });

  it('ends before a usual label of two or three words in run-on text', () => {
    const cases: Array<[string, string]> = [
      ['Location: Berlin Job Type: Full-time', 'Berlin'],
      ['Location: New York City Salary Range: $100k', 'New York City'],
      ['Location: Remote (US) Employment Type: Contract', 'Remote (US)'],
      ['Location: San Francisco, CA Date Posted: today', 'San Francisco, CA'],
      ['Location: Salt Lake City Work Type: Hybrid', 'Salt Lake City'],
      ['Location: Berlin Time zone: CET', 'Berlin'],
    ];
    for (const [text, expected] of cases) assert.equal(labeledLocation(text), expected, text);
  });

  it('ends with its paragraph, list item or line, whatever the next one says', () => {
    const cases: Array<[string, string]> = [
      // Plain text used to join these into "Berlin, Germany We are a team of 40. …", up to
      // the next "Label:".
      [
        '<p><strong>Location:</strong> Berlin, Germany</p><p>We are a team of 40. Benefits: many</p>',
        'Berlin, Germany',
      ],
      ['<ul><li>Location: Austin, TX</li><li>Start date: soon</li></ul>', 'Austin, TX'],
      ['<p>Location: Toronto, ON<br>we sponsor visas. Team: Payments</p>', 'Toronto, ON'],
      // A line break in the source inside one paragraph is not the end of the line.
      ['<p>Location: Lisbon,\n  Portugal</p><p>Apply below.</p>', 'Lisbon, Portugal'],
    ];
    for (const [html, expected] of cases) {
      assert.equal(labeledLocation(htmlToText(html)), expected, html);
    }
  });

  it('reads a last line with no label after it, but not a long sentence', () => {
    assert.equal(
      labeledLocation(htmlToText('<p>About us.</p><p>Location: Austin, TX</p>')),
      'Austin, TX',
    );
    const sentence = `Location: ${'we are a distributed team spread over many countries and time zones, '.repeat(2)}`;
    assert.equal(labeledLocation(htmlToText(`<p>${sentence}</p><p>Apply now</p>`)), null);
    // Without line ends (a plain-text feed) the value still needs the next label to end it.
    assert.equal(labeledLocation('Location: Berlin, Germany We are a team of 40.'), null);
  });

  it('gives the job its location from a description paragraph', () => {
    const text = htmlToText(
      '<p>Location: Berlin, Germany</p><p>We are a team of 40 engineers. Benefits: 30 days off</p>',
    );
    const intel = enrichJob(jobInputOf({ text }), { now: new Date('2026-07-01T00:00:00Z') });
    assert.equal(intel.location.raw, 'Berlin, Germany');
    assert.equal(intel.location.country, 'DE');
  });
});

describe("labeledLocation: the label in the listing's language", () => {
  it('reads French, German, Spanish, Portuguese and Italian labels', () => {
    const cases: Array<[string, string]> = [
      ['<p>Lieu : Paris, France</p><p>Nous recrutons.</p>', 'Paris, France'],
      ['<p>Standort: München</p><p>Wir suchen dich.</p>', 'München'],
      ['<p>Arbeitsort: Hamburg</p>', 'Hamburg'],
      ['<p>Ubicación: Madrid, España</p><p>Buscamos.</p>', 'Madrid, España'],
      ['<p>Localização: Lisboa, Portugal</p><p>x</p>', 'Lisboa, Portugal'],
      ['<p>Sede: Milano</p><p>Cerchiamo.</p>', 'Milano'],
      ['<p>LIEU : Lyon</p><p>x</p>', 'Lyon'],
      ['<p>Lieu de travail : Nantes</p>', 'Nantes'],
      ['<p>Localisation : Lille</p>', 'Lille'],
      ['<ul><li>Ort: Köln</li></ul>', 'Köln'],
    ];
    for (const [html, expected] of cases)
      assert.equal(labeledLocation(htmlToText(html)), expected, html);
  });

  it('ends a plain-text value at the next label, accented too', () => {
    assert.equal(labeledLocation('Ubicación: Madrid, España Descripción: x'), 'Madrid, España');
    assert.equal(labeledLocation('Wir sind toll. Standort: Bremen Vergütung: gut'), 'Bremen');
  });

  it('prefers an English "Location:" line, and reads the others only where a statement starts', () => {
    const cases: Array<[string, string | null]> = [
      ['<p>Sede: Milano</p><p>Location: Remote (EU)</p>', 'Remote (EU)'],
      [
        '<p>Unser Standort: Hamburg ist schön</p><p>Location: Remote (Germany)</p>',
        'Remote (Germany)',
      ],
      // Words in prose, not labels.
      ['<p>La nostra Sede: Roma. Lavoro da remoto</p>', null],
      ['<p>Unser neuer Standort: ein Loft</p><p>x</p>', null],
    ];
    for (const [html, expected] of cases)
      assert.equal(labeledLocation(htmlToText(html)), expected, html);
  });

  it('gives the job its place', () => {
    const text = htmlToText('<p>Lieu : Lyon, France</p><p>CDI, télétravail partiel.</p>');
    const intel = enrichJob(jobInputOf({ text }), { now: new Date('2026-07-01T00:00:00Z') });
    assert.equal(intel.location.country, 'FR');
  });
});

describe('labeledLocation: a one-paragraph description that is the location line', () => {
  it('reads it when it ends the text and reads as places', () => {
    assert.equal(
      labeledLocation(htmlToText('<p>Location: Berlin, Germany</p>')),
      'Berlin, Germany',
    );
    assert.equal(labeledLocation('Location: Berlin, Germany.'), 'Berlin, Germany');
    // A plain-text feed's run-on paragraph is still not read.
    assert.equal(labeledLocation('Location: Berlin, Germany We are a team of 40.'), null);
  });
});
