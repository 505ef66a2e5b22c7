import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { enrichJob } from '../../../../src/ingest/enrich/enrich-job.ts';
import { parseSalary } from '../../../../src/ingest/enrich/salary.ts';
import { jobInputOf } from '../../../helpers/job-input.ts';
import { renderSalary, TEST_RATES } from './salary-render.ts';

const read = (text: string, rates = TEST_RATES) => renderSalary(parseSalary({ text }, rates));

describe('parseSalary: salary as listings write it', () => {
  const cases: Array<[string, string]> = [
    [
      '$120k–$150k',
      'USD year 120000..150000 | annual 120000..150000 | usd 120000..150000 | text: $120k–$150k',
    ],
    [
      '$120K - $150K',
      'USD year 120000..150000 | annual 120000..150000 | usd 120000..150000 | text: $120K - $150K',
    ],
    [
      '$120k — $150k',
      'USD year 120000..150000 | annual 120000..150000 | usd 120000..150000 | text: $120k — $150k',
    ],
    [
      '$120,000 to $150,000',
      'USD year 120000..150000 | annual 120000..150000 | usd 120000..150000 | text: $120,000 to $150,000',
    ],
    [
      '120,000 - 150,000 USD',
      'USD year 120000..150000 | annual 120000..150000 | usd 120000..150000 | text: 120,000 - 150,000 USD',
    ],
    [
      'USD 100000/yr',
      'USD year 100000..100000 | annual 100000..100000 | usd 100000..100000 | text: USD 100000/yr',
    ],
    [
      '€60.000 – €80.000 brutto/Jahr',
      'EUR year 60000..80000 | annual 60000..80000 | usd 66000..88000 | text: €60.000 – €80.000 brutto/Jahr',
    ],
    [
      'Gehalt: 70.000 € brutto pro Jahr',
      'EUR year 70000..70000 | annual 70000..70000 | usd 77000..77000 | text: 70.000 € brutto pro Jahr',
    ],
    ['£50k', 'GBP year 50000..50000 | annual 50000..50000 | usd 62500..62500 | text: £50k'],
    [
      '80-100k EUR/year',
      'EUR year 80000..100000 | annual 80000..100000 | usd 88000..110000 | text: 80-100k EUR/year',
    ],
    ['$60/hr', 'USD hour 60..60 | annual 124800..124800 | usd 124800..124800 | text: $60/hr'],
    ['$45/h', 'USD hour 45..45 | annual 93600..93600 | usd 93600..93600 | text: $45/h'],
    [
      '$62.50/hr',
      'USD hour 62.5..62.5 | annual 130000..130000 | usd 130000..130000 | text: $62.50/hr',
    ],
    [
      '$60 - $80 per hour',
      'USD hour 60..80 | annual 124800..166400 | usd 124800..166400 | text: $60 - $80 per hour',
    ],
    [
      'Pay: $45-$55/hour',
      'USD hour 45..55 | annual 93600..114400 | usd 93600..114400 | text: $45-$55/hour',
    ],
    [
      '$50/hr - $60/hr',
      'USD hour 50..60 | annual 104000..124800 | usd 104000..124800 | text: $50/hr - $60/hr',
    ],
    [
      'Hourly rate: $75',
      'USD hour 75..75 | annual 156000..156000 | usd 156000..156000 | text: $75',
    ],
    [
      "CHF 110'000",
      "CHF year 110000..110000 | annual 110000..110000 | usd 132000..132000 | text: CHF 110'000",
    ],
    [
      '₹18 LPA',
      'INR year 1800000..1800000 | annual 1800000..1800000 | usd 21600..21600 | text: ₹18 LPA',
    ],
    [
      '₹12-18 LPA',
      'INR year 1200000..1800000 | annual 1200000..1800000 | usd 14400..21600 | text: ₹12-18 LPA',
    ],
    [
      'CTC: 12-18 LPA',
      'INR year 1200000..1800000 | annual 1200000..1800000 | usd 14400..21600 | text: 12-18 LPA',
    ],
    ['₹18L', 'INR year 1800000..1800000 | annual 1800000..1800000 | usd 21600..21600 | text: ₹18L'],
    [
      '₹18,00,000',
      'INR year 1800000..1800000 | annual 1800000..1800000 | usd 21600..21600 | text: ₹18,00,000',
    ],
    [
      '₹1.2 Cr',
      'INR year 12000000..12000000 | annual 12000000..12000000 | usd 144000..144000 | text: ₹1.2 Cr',
    ],
    ['up to $150k', 'USD year _..150000 | annual _..150000 | usd _..150000 | text: up to $150k'],
    [
      'Comp: up to 180k USD',
      'USD year _..180000 | annual _..180000 | usd _..180000 | text: up to 180k USD',
    ],
    ['from €70k', 'EUR year 70000.._ | annual 70000.._ | usd 77000.._ | text: from €70k'],
    [
      'from €70k to €90k',
      'EUR year 70000..90000 | annual 70000..90000 | usd 77000..99000 | text: from €70k to €90k',
    ],
    [
      'starting at $90,000',
      'USD year 90000.._ | annual 90000.._ | usd 90000.._ | text: starting at $90,000',
    ],
    ['$110K+ salary', 'USD year 110000.._ | annual 110000.._ | usd 110000.._ | text: $110K+'],
    ['$150k+ OTE', 'USD year 150000.._ | annual 150000.._ | usd 150000.._ | text: $150k+'],
    [
      'between €50.000 and €60.000',
      'EUR year 50000..60000 | annual 50000..60000 | usd 55000..66000 | text: between €50.000 and €60.000',
    ],
    [
      '£43,124 pa',
      'GBP year 43124..43124 | annual 43124..43124 | usd 53905..53905 | text: £43,124 pa',
    ],
    // Upper-case "PA" may be Pennsylvania; the size still says a year.
    [
      'Salary $120,000 PA',
      'USD year 120000..120000 | annual 120000..120000 | usd 120000..120000 | text: $120,000 PA',
    ],
    [
      '$5,000/month',
      'USD month 5000..5000 | annual 60000..60000 | usd 60000..60000 | text: $5,000/month',
    ],
    [
      'Monthly salary of €4,000',
      'EUR month 4000..4000 | annual 48000..48000 | usd 52800..52800 | text: €4,000',
    ],
    [
      'earn €3.500 netto im Monat',
      'EUR month 3500..3500 | annual 42000..42000 | usd 46200..46200 | text: €3.500 netto im Monat',
    ],
    ['€450/day', 'EUR day 450..450 | annual 117000..117000 | usd 128700..128700 | text: €450/day'],
    [
      'day rate of €600',
      'EUR day 600..600 | annual 156000..156000 | usd 171600..171600 | text: €600',
    ],
    [
      '£2,000 per week',
      'GBP week 2000..2000 | annual 104000..104000 | usd 130000..130000 | text: £2,000 per week',
    ],
    [
      'CAD 95k-110k',
      'CAD year 95000..110000 | annual 95000..110000 | usd 66500..77000 | text: CAD 95k-110k',
    ],
    ['C$95,000', 'CAD year 95000..95000 | annual 95000..95000 | usd 66500..66500 | text: C$95,000'],
    ['A$130k', 'AUD year 130000..130000 | annual 130000..130000 | usd 84500..84500 | text: A$130k'],
    [
      'NZ$120k',
      'NZD year 120000..120000 | annual 120000..120000 | usd 72000..72000 | text: NZ$120k',
    ],
    [
      'US$140,000',
      'USD year 140000..140000 | annual 140000..140000 | usd 140000..140000 | text: US$140,000',
    ],
    [
      'Salary: $85,000.00 - $95,000.00 per year',
      'USD year 85000..95000 | annual 85000..95000 | usd 85000..95000 | text: $85,000.00 - $95,000.00 per year',
    ],
    // A currency the given table lacks keeps its figures; only the USD ones are unknown.
    [
      'JP¥8,000,000 per year',
      'JPY year 8000000..8000000 | annual 8000000..8000000 | usd _.._ | text: JP¥8,000,000 per year',
    ],
    [
      'PLN 15 000 - 20 000 monthly',
      'PLN month 15000..20000 | annual 180000..240000 | usd _.._ | text: PLN 15 000 - 20 000 monthly',
    ],
  ];
  for (const [text, expected] of cases) {
    it(text, () => assert.equal(read(text), expected));
  }
});

describe('parseSalary: numbers that are not a salary', () => {
  const cases: Array<[string, string]> = [
    ['5+ years', 'years of experience'],
    ['3-5 years of experience', 'years of experience'],
    ['team of 12', 'team size'],
    ['50-100 employees', 'company size'],
    ['401k', 'retirement plan'],
    ['401(k) with matching', 'retirement plan'],
    ['20% bonus', 'percentage'],
    ['Python 3.10', 'version'],
    ['Java 17', 'version'],
    ['PHP 8.2', 'a language, not Philippine pesos'],
    ['2024', 'year'],
    ['Q3 2025', 'quarter'],
    ['Call +1 (415) 555-0100', 'phone number'],
    ['$2M seed round', 'funding'],
    ['raised $50 million', 'funding'],
    ['a £51.1m programme', 'programme budget'],
    ['Backed by $20-30M from investors', 'funding range'],
    ['1,000,000 users', 'audience'],
    ['24/7 on-call', 'schedule'],
    ['10x engineer', 'multiplier'],
    ['Salary: 120,000', 'no currency: which one would be a guess'],
    ['This role pays 100k per year', 'no currency'],
    ['the average salary is $105,000', "other people's pay"],
    ['Our customers pay $20,000 per year', "customers' money"],
    ['$10k signing bonus', 'bonus'],
    ['$2,000 learning budget', 'budget'],
    ['$1,500 home office stipend', 'stipend'],
    ['$99/month', 'too little for a month: a price'],
    ['$3/hr', 'too little for an hour'],
    ['$2,500,000/yr', 'too much for a year'],
    ['$60', 'an hourly-sized figure needs its unit'],
    ['$15,000', 'a month or a year: not guessed'],
    ['¥8,000,000', 'yen or yuan'],
    ['18L', 'a bare L is lakh only beside a rupee sign'],
    ['USDC 100000', 'a stablecoin, not a currency code'],
    ['CAD 2024 experience', 'computer-aided design'],
    ['$100k and $20k bonus', 'two sums, not a range'],
    ['$50/hour - $60/day', 'two periods, not one salary'],
    ['$50k-$300k', 'too wide to describe one job'],
    ['GBP 53,000 - 60,0000 depending on experience', 'a malformed range is not half read'],
    ['We have offices in 3 cities and $40,000 of hardware.', 'a lone figure in prose'],
  ];
  for (const [text, why] of cases) {
    it(`${text} (${why})`, () => assert.equal(read(text), null));
  }
});

describe('parseSalary: salary inside a longer description', () => {
  const cases: Array<[string, string]> = [
    [
      'We raised a $20M Series A last year. The salary range for this role is $140,000 - $170,000 plus equity.',
      'USD year 140000..170000 | annual 140000..170000 | usd 140000..170000 | text: $140,000 - $170,000',
    ],
    [
      'Benefits: $2,000 learning budget, 401(k) match. Compensation: €65k–€75k.',
      'EUR year 65000..75000 | annual 65000..75000 | usd 71500..82500 | text: €65k–€75k',
    ],
    [
      'We are a team of 25 with $3.5 million in funding and pay $90k–$110k DOE.',
      'USD year 90000..110000 | annual 90000..110000 | usd 90000..110000 | text: $90k–$110k',
    ],
    [
      'Salary: $120k + $20k bonus',
      'USD year 120000..120000 | annual 120000..120000 | usd 120000..120000 | text: $120k',
    ],
    // The pay-worded candidate beats an earlier bare range.
    [
      'Seniors here see $150k–$180k. The salary for this role: $120,000 per year.',
      'USD year 120000..120000 | annual 120000..120000 | usd 120000..120000 | text: $120,000 per year',
    ],
    // Equally good candidates: the first one stated wins.
    [
      'In London this role would pay GBP 41,000-46,000; in Manchester it would pay GBP 36,000-40,000.',
      'GBP year 41000..46000 | annual 41000..46000 | usd 51250..57500 | text: GBP 41,000-46,000',
    ],
    // A salary field joined to its description: alone on its line, it needs no label.
    [
      '$130,000\nWe build APIs for 3 million users.',
      'USD year 130000..130000 | annual 130000..130000 | usd 130000..130000 | text: $130,000',
    ],
  ];
  for (const [text, expected] of cases) {
    it(text.slice(0, 60).replace(/\n/g, ' ⏎ '), () => assert.equal(read(text), expected));
  }
});

describe("parseSalary: periods written in the listing's own language", () => {
  // The job-seeker review's listings, which showed no salary.
  const cases: Array<[string, [number, number, string, string]]> = [
    ['R$ 12.000 - R$ 15.000 por mês', [12000, 15000, 'BRL', 'month']],
    ['25 000 - 30 000 PLN netto/miesiąc (B2B)', [25000, 30000, 'PLN', 'month']],
    ['€45.000 - €55.000 par an', [45000, 55000, 'EUR', 'year']],
  ];
  for (const [text, expected] of cases) {
    it(text, () => {
      const salary = parseSalary({ text });
      assert.deepEqual([salary?.min, salary?.max, salary?.currency, salary?.period], expected);
    });
  }
});

describe('parseSalary: a bare "$" where the job is', () => {
  const amounts = (salary: ReturnType<typeof parseSalary>) => [
    salary?.min,
    salary?.max,
    salary?.currency,
  ];
  it("is the job's own dollar in Canada, Australia, New Zealand, Singapore and Hong Kong", () => {
    for (const [country, currency, low, high] of [
      ['CA', 'CAD', 120000, 140000],
      ['AU', 'AUD', 120000, 140000],
      ['NZ', 'NZD', 120000, 140000],
      ['SG', 'SGD', 120000, 140000],
      ['HK', 'HKD', 600000, 800000],
    ] as const) {
      const text = `Salary: $${low.toLocaleString('en')} - $${high.toLocaleString('en')} a year`;
      assert.deepEqual(amounts(parseSalary({ text, country })), [low, high, currency], country);
    }
  });

  it('is US dollars elsewhere or where unknown, and a written code always wins', () => {
    const text = 'Salary: $120,000 - $140,000';
    assert.equal(parseSalary({ text, country: 'US' })?.currency, 'USD');
    assert.equal(parseSalary({ text, country: 'MX' })?.currency, 'USD');
    assert.equal(parseSalary({ text })?.currency, 'USD');
    assert.equal(parseSalary({ text: 'Salary: US$120,000', country: 'CA' })?.currency, 'USD');
    assert.equal(parseSalary({ text: 'Salary: $120,000 USD', country: 'CA' })?.currency, 'USD');
    assert.equal(parseSalary({ text: 'Salary: €80,000', country: 'CA' })?.currency, 'EUR');
    // Lakh units name rupees with no "$" written: no local dollar stands in for them.
    assert.equal(parseSalary({ text: 'CTC: 12-18 LPA', country: 'CA' })?.currency, 'INR');
  });
});

describe('parseSalary: yen and yuan', () => {
  const amounts = (salary: ReturnType<typeof parseSalary>) => [
    salary?.min,
    salary?.max,
    salary?.currency,
    salary?.period,
  ];
  it('reads "¥" as yen in Japan and yuan in China, and not at all elsewhere', () => {
    const text = 'Salary: ¥6,000,000 - ¥9,000,000 per year';
    assert.deepEqual(amounts(parseSalary({ text, country: 'JP' })), [6e6, 9e6, 'JPY', 'year']);
    const monthly = 'Salary: ¥30,000 - ¥45,000 per month';
    assert.deepEqual(amounts(parseSalary({ text: monthly, country: 'CN' })), [
      30000,
      45000,
      'CNY',
      'month',
    ]);
    assert.equal(parseSalary({ text, country: 'US' }), null);
    assert.equal(parseSalary({ text }), null);
  });

  it('reads millions and 万 in yen, and a code beside "¥" settles it anywhere', () => {
    const cases: Array<[string, string | null, unknown[]]> = [
      ['Salary: ¥6M - ¥9M', 'JP', [6e6, 9e6, 'JPY', 'year']],
      ['Salary: ¥6,000,000 - ¥9,000,000 JPY', null, [6e6, 9e6, 'JPY', 'year']],
      ['Salary: JPY 7.5M', null, [7.5e6, 7.5e6, 'JPY', 'year']],
      ['給与: 600万円〜900万円', null, [6e6, 9e6, 'JPY', 'year']],
      ['年収 600万〜900万円', null, [6e6, 9e6, 'JPY', 'year']],
      ['年収600万円〜900万円', null, [6e6, 9e6, 'JPY', 'year']],
      // The pay word before the amount names its period; 元 is yuan.
      ['給与：月給30万円〜45万円', null, [300000, 450000, 'JPY', 'month']],
      ['時給1,500円〜2,000円', null, [1500, 2000, 'JPY', 'hour']],
      ['年薪30万-50万元', null, [300000, 500000, 'CNY', 'year']],
      ['月薪 ¥20,000 - ¥30,000', 'CN', [20000, 30000, 'CNY', 'month']],
    ];
    for (const [text, country, expected] of cases)
      assert.deepEqual(amounts(parseSalary({ text, country })), expected, text);
  });

  it('takes the country from the listing: "¥" in a Tokyo listing is yen', () => {
    const intel = enrichJob(
      jobInputOf({ location: 'Tokyo, Japan', text: 'Compensation: ¥7M - ¥10M, plus bonus.' }),
      { now: new Date('2026-07-01T00:00:00Z') },
    );
    assert.deepEqual(
      [intel.salary?.min, intel.salary?.max, intel.salary?.currency],
      [7e6, 1e7, 'JPY'],
    );
  });

  it('still reads "M" as funding in other currencies, and billions never', () => {
    assert.equal(parseSalary({ text: 'We raised $6M - $9M', country: 'JP' }), null);
    assert.equal(parseSalary({ text: 'Backed by ¥2B from investors', country: 'JP' }), null);
    assert.equal(parseSalary({ text: 'Salary: ¥8,000,000 USD', country: 'JP' }), null);
    assert.equal(parseSalary({ text: '我们公司已完成融资1000万元，正在招聘后端工程师。' }), null);
    // "M" is a yen salary's: a "¥" that is yuan in China does not take it.
    assert.equal(parseSalary({ text: 'Salary: ¥1M - ¥1.5M per year', country: 'CN' }), null);
  });
});

describe('enrichJob: the salary of a job somewhere with its own dollar', () => {
  const now = new Date('2026-07-01T00:00:00Z');
  it('reads "$" in a Toronto listing as Canadian dollars', () => {
    const intel = enrichJob(
      jobInputOf({ location: 'Toronto, ON, Canada', text: 'Salary: $120,000 - $140,000 a year.' }),
      { now },
    );
    assert.equal(intel.location.country, 'CA');
    assert.deepEqual([intel.salary?.min, intel.salary?.currency], [120000, 'CAD']);
  });

  it('reads it from the one country a remote job hires in, when no place is stated', () => {
    const intel = enrichJob(
      jobInputOf({ title: 'Backend Engineer (Remote, Australia only)', text: 'Pay: $150k' }),
      { now },
    );
    assert.deepEqual(intel.eligibility.countries, ['AU']);
    assert.equal(intel.salary?.currency, 'AUD');
  });

  it('keeps US dollars for a US job', () => {
    const intel = enrichJob(
      jobInputOf({ location: 'Austin, TX', text: 'Salary: $120,000 - $140,000 a year.' }),
      { now },
    );
    assert.equal(intel.salary?.currency, 'USD');
  });
});
