import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { labeledLocation } from '../../../../src/ingest/enrich/location-label.ts';
import { htmlToText } from '../../../../src/ingest/normalize/text.ts';

describe('labeledLocation: the "Location:" line of a description', () => {
  it('ends where the next paragraph starts with a workplace word', () => {
    // The job-seeker review's listing: plain text joins the two paragraphs with a space.
    const text = htmlToText(
      '<p><strong>Location:</strong> Berlin, Germany</p><p>Remote (EU only). Salary: €70k</p>',
    );
    assert.equal(labeledLocation(text), 'Berlin, Germany');
    assert.equal(labeledLocation('Location: Berlin Hybrid Salary: x'), 'Berlin');
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
});
