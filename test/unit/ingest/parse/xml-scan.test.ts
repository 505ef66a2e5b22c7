import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { preserveInlineMarkup } from '../../../../src/ingest/parse/raw-markup.ts';
import { decodeXmlText, scanXml } from '../../../../src/ingest/parse/xml-scan.ts';
import { fixtureText } from './fixture-text.ts';

const kinds = (text: string) =>
  [...scanXml(text)].map((t) => (t.name ? `${t.kind}:${t.name}` : t.kind));

describe('scanXml', () => {
  it('names every construct and covers every character once', () => {
    const text = `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><!-- c --><r a="1>2"><t/>x<![CDATA[<no>]]> < y</r>`;
    assert.deepEqual(kinds(text), [
      'pi',
      'doctype',
      'comment',
      'open:r',
      'open:t',
      'text',
      'cdata',
      'text',
      'stray-lt',
      'text',
      'close:r',
    ]);
    for (const path of ['research-computing-teams/jobs.rss', 'feedjira/SamRuby.xml']) {
      const fixture = fixtureText(path);
      assert.equal(
        [...scanXml(fixture)].map((t) => fixture.slice(t.start, t.end)).join(''),
        fixture,
      );
    }
  });

  it('reports what the end of the text cut off', () => {
    assert.deepEqual(kinds('<rss><item><title><![CD'), [
      'open:rss',
      'open:item',
      'open:title',
      'incomplete',
    ]);
    assert.deepEqual(kinds('<rss></rss'), ['open:rss', 'incomplete']);
    // An unbalanced quote does not swallow the rest of the document.
    assert.deepEqual(kinds('<a href="x>y</a>'), ['open:a', 'text', 'close:a']);
  });

  it('decodes CDATA and the XML entities only', () => {
    assert.equal(
      decodeXmlText('a &amp; <![CDATA[<b>]]> &#8217;&#x41; &nbsp;'),
      'a & <b> \u2019A &nbsp;',
    );
  });
});

describe('preserveInlineMarkup', () => {
  it('wraps raw child markup in CDATA, turning inner CDATA into escaped text', () => {
    const out = preserveInlineMarkup(
      '<item><description>a <b>b</b> <![CDATA[1 < 2]]></description><title>t</title></item>',
    );
    assert.equal(
      out.text,
      '<item><description><![CDATA[a <b>b</b> 1 &lt; 2]]></description><title>t</title></item>',
    );
    assert.deepEqual(out.notes, []);
  });

  it('leaves documents without raw markup untouched, and notes unbalanced HTML', () => {
    const plain = '<item><description>&lt;p&gt;x</description></item>';
    assert.equal(preserveInlineMarkup(plain).text, plain);
    const out = preserveInlineMarkup('<description><p>x]]>y<br></p></description>');
    assert.equal(out.text, '<description><![CDATA[<p>x]]]]><![CDATA[>y<br></p>]]></description>');
    assert.deepEqual(out.notes, [
      'kept the unbalanced HTML inside 1 <description> element as text',
    ]);
  });
});
