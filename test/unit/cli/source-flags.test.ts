import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { SourceInput } from '../../../src/domain/source.ts';
import { editedSourceFromFlags } from '../../../workers/cli/source-flags.ts';
import { sourceInput } from '../../helpers/sources.ts';

describe('editedSourceFromFlags: sources edit', () => {
  const jobs: SourceInput = {
    ...sourceInput('https://jobs.example/feed.rss'),
    options: {
      ...sourceInput('https://jobs.example/feed.rss').options,
      listsAllOpenJobs: true,
      titleFormat: 'role-company',
    },
  };

  it('changes only the settings its flags name', async () => {
    const { input, named } = await editedSourceFromFlags(jobs, { interval: '60' });
    assert.equal(named, true);
    assert.equal(input.intervalMinutes, 60);
    assert.equal(input.options.listsAllOpenJobs, true);
    assert.equal(input.url, jobs.url);
  });

  it('turning a job source into an articles one drops the settings only jobs have', async () => {
    const { input } = await editedSourceFromFlags(jobs, { type: 'articles' });
    assert.equal(input.type, 'articles');
    assert.equal(input.options.listsAllOpenJobs, false);
    assert.equal(input.options.titleFormat, null);
    // Asked for together, they are refused, in the flag's words.
    await assert.rejects(
      editedSourceFromFlags(jobs, { type: 'articles', 'lists-all-open-jobs': true }),
      /^UsageError: --lists-all-open-jobs: a setting of job sources only/,
    );
  });
});
