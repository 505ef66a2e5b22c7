import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { stackTaxonomy } from '../../../../config/stack-taxonomy.ts';
import { matchStackTags } from '../../../../src/ingest/enrich/stack-tags.ts';

describe('matchStackTags', () => {
  const cases: Array<[name: string, input: Array<string | null | string[]>, expected: string[]]> = [
    // Aliases to canonical slugs
    ['golang', ['Golang microservices'], ['go', 'microservices']],
    ['postgres and psql', ['Postgres 15, psql scripts'], ['postgresql']],
    ['node.js spellings', ['Node.js or NodeJS'], ['node']],
    ['k8s', ['We deploy to k8s on GCP'], ['gcp', 'kubernetes']],
    ['js and ts in a list', ['HTML, CSS, JS, TS'], ['css', 'html', 'javascript', 'typescript']],
    ['C# and .NET', ['C#/.NET developer'], ['csharp', 'dotnet']],
    ['ASP.NET brings .NET, not a bare match', ['ASP.NET Core services'], ['aspnet', 'dotnet']],
    ['RoR implies Ruby', ['RoR developer'], ['rails', 'ruby']],
    [
      'google cloud and amazon web services',
      ['Google Cloud and Amazon Web Services'],
      ['aws', 'gcp'],
    ],
    ['mongo', ['Mongo and Redis'], ['mongodb', 'redis']],
    ['"es" is not Elasticsearch', ['ES modules and Elasticsearch'], ['elasticsearch']],
    // Word boundaries
    ['rust is not in trust', ['a culture of trust'], []],
    ['java is not in javascript', ['JavaScript only'], ['javascript']],
    ['clojure is not in ClojureScript; JRuby is not Ruby', ['ClojureScript, JRuby'], []],
    ['.net is not in a host name', ['see example.net for details'], []],
    ['host names and e-mail are not stacks', ['http://golang.org/x go@gotealeaf.com'], []],
    [
      'an address is blanked whole, from the start of its run of non-spaces',
      ['Python (https://go.dev/rust) and mail:hire@golang.org, see www.kafka.apache.org/java'],
      ['python'],
    ],
    // "go" is an English verb
    ['go-getter', ['You’re a go-getter, a doer'], []],
    ['on the go', ['news events while on the go.'], []],
    ['going and Google', ['We are going to Google'], []],
    ['sentence-initial Go', ['Go to our careers page to apply.'], []],
    ["Let's Go", ["Let's Go build it"], []],
    ['Go-to-market', ['Go-to-Market Engineer'], []],
    ['Go developer', ['Senior Go Developer'], ['go']],
    ['written in Go', ['Our services are written in Go.'], ['go']],
    ['Go in a list', ['Python, Go and Rust'], ['go', 'python', 'rust']],
    ['Go version', ['Go 1.22 with generics'], ['go']],
    ['role then (Go)', ['Backend Engineer (Go)'], ['go']],
    ['lower-case go only between two tags', ['skills: python, go, rust'], ['go', 'python', 'rust']],
    ['lower-case "go" after "and" is the verb', ['learn Python and go further'], ['python']],
    // "C" and "R" only in a tech context
    ['C/C++', ['developing software in C/C++'], ['c', 'cpp']],
    ['Objective-C and C skills', ['Expert-level Objective-C and C skills'], ['c', 'objective-c']],
    ['Series C, C-suite, Vitamin C', ['Series C startup, C-suite, Vitamin C'], []],
    ['(C) and (R) marks', ['Intel(R) Xeon(R) (C) 2024 Acme'], []],
    // The reader review's article about a plant, tagged C
    ['species names', ['the use of C. album in medicine; as with E. coli and R. rattus'], []],
    ['a sentence ending on C', ['Experience in C. Also Python.'], ['c', 'python']],
    ['R&D', ['R&D data solutions and R&D infrastructure'], []],
    ['R packages', ['distribute and manage R and Python packages'], ['python', 'r']],
    ['Washington D.C.', ['Washington D.C. or Phoenix AZ'], []],
    // "node" only as Node.js
    ['per-node and network nodes', ['without per-node overhead; a node in the cluster'], []],
    ['Node Coordinator', ['Regional Node Coordinator'], []],
    ['Node next to TypeScript', ['Node and TypeScript'], ['node', 'typescript']],
    // Other everyday words
    ['Spring the season', ['Starting in Spring 2026'], []],
    ['Java and Spring', ['Our backends are built in Java and Spring'], ['java', 'spring']],
    ['express, react, swift as words', ['express interest, react quickly, a swift reply'], []],
    [
      'framework list anchored by "with"',
      ['Experience with Angular/Backbone/Ember'],
      ['angular', 'backbone', 'ember'],
    ],
    ['the lab of Julia Chen', ['in the lab of Julia Chen'], []],
    ['the rest of the team', ['the rest of the team'], []],
    ['TS/SCI clearance', ['Active TS/SCI clearance'], []],
    ['at the helm', ['at the helm of our platform'], []],
    ['Helm charts', ['Helm charts and Kubernetes'], ['helm', 'kubernetes']],
    // Structured lists: each item is a technology as it stands
    ['skills list items', [['Go', 'Docker', 'R']], ['docker', 'go', 'r']],
    ['slugs are list items too', [['postgresql', 'node']], ['node', 'postgresql']],
    [
      'a non-alias list item is read as text',
      [['Machine Learning', 'Back-End']],
      ['machine-learning'],
    ],
    ['several inputs, nulls skipped', ['Rails', null, 'Kafka'], ['kafka', 'rails', 'ruby']],
    ['deduped and sorted', ['Redis, redis, REDIS and Kafka'], ['kafka', 'redis']],
  ];
  for (const [name, input, expected] of cases) {
    it(name, () => assert.deepEqual(matchStackTags(...input), expected));
  }

  it('reads a real listing (We Work Remotely, Kaleo Software)', () => {
    const text =
      'You’re an experienced Ruby/Rails developer, comfortable with the web stack. Expert Level: Ruby/Rails 4+ Elasticsearch PostgreSQL Competent: HTML/Haml/JavaScript/jQuery Want to Learn or Develop Your Skills In: JRuby (Torquebox/vert.x/Jubilee) ReactJS CoffeeScript ClojureScript';
    assert.deepEqual(matchStackTags('Kaleo Software: Senior Software Engineer', text), [
      ...['coffeescript', 'elasticsearch', 'html', 'javascript', 'jquery', 'postgresql'],
      ...['rails', 'react', 'ruby', 'vertx'],
    ]);
  });

  it('has about 120+ tags with unique slugs and aliases', () => {
    const slugs = stackTaxonomy.map((tag) => tag.slug);
    assert.ok(slugs.length >= 120, `only ${slugs.length} tags`);
    assert.equal(new Set(slugs).size, slugs.length);
    const aliases = stackTaxonomy.flatMap((tag) => [...tag.aliases, ...tag.contextual]);
    assert.equal(new Set(aliases).size, aliases.length);
  });
});
