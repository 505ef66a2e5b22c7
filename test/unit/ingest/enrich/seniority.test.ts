import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Seniority } from '../../../../src/domain/job-intel.ts';
import { detectSeniority } from '../../../../src/ingest/enrich/seniority.ts';

describe('detectSeniority from the title', () => {
  const cases: Array<[title: string, expected: Seniority | null]> = [
    ['Software Engineering Intern', 'intern'],
    // Borrowed with an accent, in French and Portuguese titles
    ['Développeur Backend Java Sénior', 'senior'],
    ['Desenvolvedor Júnior', 'junior'],
    ['Backend Internship (Summer 2026)', 'intern'],
    ['Co-op Student, Platform Team', 'intern'],
    ['Junior Software Developer', 'junior'],
    ['Jr. Backend Engineer', 'junior'],
    ['Entry-Level Data Engineer', 'junior'],
    ['Graduate Software Engineer', 'junior'],
    ['Associate Software Engineer', 'junior'],
    ['Software Engineer I', 'junior'],
    ['Mid-Level Python Developer', 'mid'],
    ['Intermediate Rails Developer', 'mid'],
    ['Software Engineer II', 'mid'],
    ['Senior Software Engineer', 'senior'],
    ['Sr. JavaScript Engineer', 'senior'],
    ['Software Engineer III', 'senior'],
    ['Staff Engineer, Payments', 'staff'],
    ['Senior Staff Engineer', 'staff'],
    ['Staff Data Scientist, Data Science Institute', 'staff'],
    ['Principal Software Engineer, HPC Performance', 'principal'],
    // A company ladder outside ours (test/eval/LABELING.md).
    ['Distinguished/Advisory HPC Engineer', null],
    ['Lead Engineer (Digital Library)', 'lead'],
    ['Tech Lead, Billing', 'lead'],
    ['HPC Storage Systems Team Lead', 'lead'],
    ['Incredible node.js Leader', 'lead'],
    ['Engineering Manager, ML Acceleration', 'manager'],
    ['Principal Software Engineering Manager', 'manager'],
    ['Head of Platform Engineering, High Performance Computing', 'manager'],
    ['Director of Software Engineering', 'manager'],
    ['VP of Engineering', 'manager'],
    ['CTO for a Cryptocurrency Trading Platform', 'manager'],
    ['HPC Storage Systems Group Leader', 'lead'],
    ['Senior Manager Engineering, Posit Package Manager', 'manager'],
    ['Manager, Lead Research Scientist, Training Data', 'manager'],
    // A range is stored as its entry level.
    ['Senior / Principal Statistician', 'senior'],
    ['Junior-to-Mid Backend Developer', 'junior'],
    ['Senior or Staff Platform Engineer', 'senior'],
    // Program, project and product managers are managers (test/eval/LABELING.md).
    ['Senior Product Manager, Azure HPC & AI', 'manager'],
    ['Technical Program Manager', 'manager'],
    ['Developer Relations Manager, Quantum Computing', 'manager'],
    ['Principal Technical Program Manager', 'manager'],
    // Words that look like levels but are not.
    ['Member of Technical Staff, Integration/RL Team', null],
    ['Staff Scientist, Quantum Computing', null],
    ['Lead Generation Specialist', null],
    ['Internship Coordinator', null],
    ['Internal Tools Engineer', null],
    ['Principal Investigator, Genomics', null],
    ['Software Engineer (Tools)', null],
    ['Software Engineer I/O Systems', null],
  ];
  for (const [title, expected] of cases) {
    it(title, () => assert.equal(detectSeniority(title), expected));
  }
});

describe('detectSeniority from explicit text', () => {
  const cases: Array<[name: string, title: string, text: string, expected: Seniority | null]> = [
    [
      '"this is a senior role"',
      'Backend Engineer',
      'This is a senior role on the API team.',
      'senior',
    ],
    [
      'hiring a named level (SumOfUs)',
      'Software Developer',
      'SumOfUs.org is hiring a Junior Software Developer to help us build.',
      'junior',
    ],
    [
      'range in a hiring sentence (Taproot)',
      'DEVELOPER, TAPOOT+',
      'We are looking for a junior-to-mid-level Ruby/Rails developer OR someone with other coding experience.',
      'junior',
    ],
    [
      'looking for a Senior (Inside.com)',
      'Ruby & Front-End Web Developer',
      'Inside.com is looking for a Senior Front-End Rails Developer.',
      'senior',
    ],
    ['labelled level', 'Platform Engineer', 'Seniority level: Mid-Senior level', 'mid'],
    ['the title wins over the text', 'Junior Developer', 'This is a senior role.', 'junior'],
    [
      'not a statement: "not the right fit for junior engineers" (Help Scout)',
      'Java Software Engineer',
      'Help Scout is not the right fit for entry-level or junior engineers at this time. The team consists of 7 senior-level engineers.',
      null,
    ],
    [
      'not a statement: guidance from senior developers',
      'Software Developer',
      'Develop new features working under the guidance of management or senior developers.',
      null,
    ],
    [
      'years of experience are not a level',
      'Software Engineer',
      '7+ years of experience required.',
      null,
    ],
    [
      '"senior leadership role" is not read',
      'Research Computing',
      'This is a senior leadership role.',
      null,
    ],
    [
      '"a staff position" at a university',
      'Research Programmer',
      'This is a staff position.',
      null,
    ],
    ['also hiring juniors', 'Backend Engineer', 'We are also hiring junior developers.', null],
  ];
  for (const [name, title, text, expected] of cases) {
    it(name, () => assert.equal(detectSeniority(title, text), expected));
  }
});
