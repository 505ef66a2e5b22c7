import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { databaseName } from '../../src/store/connection.ts';

describe('databaseName', () => {
  const cases: Array<[string, string | undefined, string]> = [
    ['mongodb://127.0.0.1:27017/', undefined, 'backboard'],
    ['mongodb://127.0.0.1:27017', undefined, 'backboard'],
    ['mongodb://u:p@a:1,b:2/jobs?replicaSet=rs0', undefined, 'jobs'],
    ['mongodb+srv://u:p@cluster.example.net/board?retryWrites=true', undefined, 'board'],
    ['mongodb+srv://u:p@cluster.example.net/board', 'override', 'override'],
  ];
  for (const [uri, override, expected] of cases) {
    it(`${uri} (${override ?? 'no override'}) → ${expected}`, () => {
      assert.equal(databaseName(uri, override), expected);
    });
  }
});
