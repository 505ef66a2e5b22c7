import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { EmploymentType } from '../../../../src/domain/job-intel.ts';
import { detectEmploymentType } from '../../../../src/ingest/enrich/employment-type.ts';

type Case = [
  name: string,
  field: string | null,
  title: string,
  text: string | undefined,
  expected: EmploymentType | null,
];

describe('detectEmploymentType', () => {
  const cases: Case[] = [
    // The structured field
    ['Full-Time', 'Full-Time', 'Backend Engineer', undefined, 'full-time'],
    ['Part Time', 'Part Time', 'Backend Engineer', undefined, 'part-time'],
    ['Contract', 'Contract', 'Backend Engineer', undefined, 'contract'],
    ['Freelance is contract', 'Freelance', 'Backend Engineer', undefined, 'contract'],
    ['Internship', 'Internship', 'Backend Engineer', undefined, 'internship'],
    ['Temporary', 'Temporary', 'Backend Engineer', undefined, 'temporary'],
    ['Fixed-term', 'Fixed-term', 'Backend Engineer', undefined, 'temporary'],
    ['Term position', 'Term position', 'Backend Engineer', undefined, 'temporary'],
    ['schema.org FULL_TIME', 'FULL_TIME', 'Backend Engineer', undefined, 'full-time'],
    ['schema.org CONTRACTOR', 'CONTRACTOR', 'Backend Engineer', undefined, 'contract'],
    ['Permanent, Full time', 'Permanent, Full time', 'Backend Engineer', undefined, 'full-time'],
    ['fixed-term contract is temporary', 'Fixed-term contract', 'Engineer', undefined, 'temporary'],
    ['full-time contract is contract', 'Full-time contract', 'Engineer', undefined, 'contract'],
    ['Permanent alone says nothing', 'Permanent', 'Engineer', undefined, null],
    // The type as a sentence of its own (the job-seeker review's Initech listing)
    ['"Full-time." alone', null, 'Engineer', 'Initech. Berlin, Germany. Full-time.', 'full-time'],
    ['"Contract" on its line', null, 'Engineer', 'Contract\nGo services', 'contract'],
    ['"full-time" in a sentence', null, 'Engineer', 'We have full-time engineers.', null],
    ['either, alone', null, 'Engineer', 'Part-time or full-time.', null],
    ['alternatives say nothing', 'Full-time or Part-time', 'Engineer', undefined, null],
    [
      'the field wins over the title',
      'Full-Time',
      'Backend Engineer (Contract)',
      undefined,
      'full-time',
    ],
    // Boards in French, German, Spanish and Portuguese
    ['Type de contrat : CDD', null, 'Ingénieur', 'Type de contrat : CDD de 12 mois', 'temporary'],
    ['a CDI is permanent: no type', null, 'Ingénieur', 'Type de contrat : CDI', null],
    [
      'Anstellungsart: Vollzeit',
      null,
      'Entwickler',
      'Anstellungsart: Vollzeit, unbefristet',
      'full-time',
    ],
    ['Teilzeit field', 'Teilzeit', 'Entwickler', undefined, 'part-time'],
    ['befristet field', 'Befristet', 'Entwickler', undefined, 'temporary'],
    ['Praktikum field', 'Praktikum', 'Softwareentwicklung', undefined, 'internship'],
    ['Jornada: tiempo completo', null, 'Desarrollador', 'Jornada: tiempo completo', 'full-time'],
    ['estágio field', 'Estágio', 'Desenvolvedor', undefined, 'internship'],
    ['temps partiel field', 'Temps partiel', 'Développeur', undefined, 'part-time'],
    // A sentence or pay line that states it
    [
      'Contract role, 6 months.',
      null,
      'Engineer',
      'Go services. Contract role, 6 months.',
      'contract',
    ],
    ['Full-time position.', null, 'Engineer', 'Full-time position. Berlin.', 'full-time'],
    [
      'pay line ending "contract"',
      null,
      'Engineer',
      'Pay: £45 - £55 per hour, contract',
      'contract',
    ],
    [
      'contract in a sentence is not it',
      null,
      'Engineer',
      'We sign a contract with each client.',
      null,
    ],
    // Whom they hire, and the hours a week the job asks for
    [
      'seeks a full-time',
      null,
      'Director',
      'The lab seeks a full-time NTE Team Scientist.',
      'full-time',
    ],
    ['a full-time hybrid role', null, 'Scientist', 'This is a full-time hybrid role.', 'full-time'],
    [
      '15~20 hours per week commitment',
      null,
      'Writer',
      'Need at least 15~20 hours per week commitment.',
      'part-time',
    ],
    [
      'working hours (35hrs per week)',
      null,
      'Manager',
      'We prefer full time working hours (35hrs per week).',
      'full-time',
    ],
    ['work 40 hours a week', null, 'Engineer', 'You will work 40 hours a week.', 'full-time'],
    ['on-call hours are not the job', null, 'Engineer', 'On call about 4 hours per week.', null],
    ['mentoring hours are not the job', null, 'Engineer', 'Spend 10 hours a week mentoring.', null],
    ['32 hours a week says nothing', null, 'Engineer', 'The role is 32 hours a week.', null],
    // The title
    ['(Contract) in the title', null, 'Backend Engineer (Contract)', undefined, 'contract'],
    ['- 6 Month Contract', null, 'Go Developer - 6 Month Contract', undefined, 'contract'],
    ['(Remote, Contract)', null, 'Rails Developer (Remote, Contract)', undefined, 'contract'],
    ['Contract Software Engineer', null, 'Contract Software Engineer', undefined, 'contract'],
    ['Intern in the title', null, 'Software Engineering Intern', undefined, 'internship'],
    ['Part-time in the title', null, 'Part-time Backend Developer', undefined, 'part-time'],
    ['Interim is temporary', null, 'Interim Head of Engineering', undefined, 'temporary'],
    ['Contract Manager is a job, not a type', null, 'Contract Manager', undefined, null],
    ['Internship Coordinator', null, 'Internship Coordinator', undefined, null],
    [
      'Contractors Welcome is not a type (Leadformance); its text states full time',
      null,
      'Leadformance: Ruby on Rails Developer - Remote Contractors Welcome',
      'Contract offered : Full time Location : Chambéry, France or telecommute.',
      'full-time',
    ],
    // Explicit text
    [
      '"This is a full-time ... offer" and corp-2-corp (Clevertech): contract wins',
      null,
      'Clevertech: Incredible node.js Leader',
      'This is a full-time, fully remote, 8h/day, 40h/week, 160h/month offer. Note for US residents: this is corp-2-corp (1099, not W2).',
      'contract',
    ],
    [
      '"Permanent Full-time" (Klixplus)',
      null,
      'Klixplus Pty Ltd: Senior Developer',
      'QLD - Gold Coast Permanent Full-time About Us My name is Adam',
      'full-time',
    ],
    [
      '"a full-time developer" (Isotope11)',
      null,
      'Isotope11: Senior Developer',
      'We are a wholly-remote software development firm looking for a full-time developer with the following skill sets',
      'full-time',
    ],
    [
      '"(12-month contract)" (Vector Institute)',
      null,
      'Project Manager, Health AI Implementation',
      'the Project Manager, Health AI Implementation (12-month contract) will play a key role',
      'contract',
    ],
    ['"Job type: Part-time"', null, 'Engineer', 'Job type: Part-time. Salary: $40/h', 'part-time'],
    ['"on a contract basis"', null, 'Engineer', 'We hire on a contract basis.', 'contract'],
    ['"This position is full-time"', null, 'Engineer', 'This position is full-time.', 'full-time'],
    [
      'internship statement',
      null,
      'Research Assistant',
      'This is a paid internship.',
      'internship',
    ],
    // Passing mentions are not statements
    [
      'permanent position, not interested in freelancers (Inside.com)',
      null,
      'Ruby & Front-End Web Developer',
      'This is a permanent position so we are currently not interested in freelancers, agencies, or recruiters.',
      null,
    ],
    [
      'full-time engineers on the team (Startup Foundry)',
      null,
      'Back end Software Engineer',
      'a project team typically includes no more than three or four full-time engineers',
      null,
    ],
    [
      'eligible to work full-time',
      null,
      'Director',
      'Must be eligible to work in the US full-time for any employer without sponsorship.',
      null,
    ],
    [
      'service contracts and Contract Research Organization',
      null,
      'Manager',
      'overseeing service contracts and Contract Research Organization (CRO) oversight',
      null,
    ],
    [
      'open-ended (permanent) contract',
      null,
      'Service Manager',
      'This post is an open-ended (permanent) contract based at EDINA.',
      null,
    ],
    [
      'part-time or full-time basis',
      null,
      'Engineer',
      'available on a part-time or full-time basis',
      null,
    ],
    ['not a contract role', null, 'Engineer', 'This is not a contract role.', null],
    ['nothing stated', null, 'Senior Developer', 'We build web apps in Rails.', null],
  ];
  for (const [name, field, title, text, expected] of cases) {
    it(name, () => assert.equal(detectEmploymentType(field, title, text), expected));
  }
});
