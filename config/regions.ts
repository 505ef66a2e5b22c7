// Regions listings restrict applicants to ("EU only", "Remote – EMEA", "LATAM"), with their member
// countries (ISO 3166-1 alpha-2) and the UTC offset window a "<region> time zones" phrase means.
//
// Membership decisions, so a filter never answers "yes" on a guess:
// - `members` are countries every reading of the name includes; `borderline` ones only some
//   readings include (transcontinental Russia and Türkiye for Europe, Mexico for North America):
//   they are not in an applicant list, and "can I apply from there?" answers "unknown".
// - NA is the US and Canada: job listings' "North America" nearly always means those two.
//   Mexico, Greenland, Bermuda and Saint Pierre are borderline.
// - EUROPE is the UN geoscheme's Europe without Russia (borderline), plus Cyprus (an EU member).
// - The UK is a country (GB), not a region: "UK" resolves to it directly.
// - `utc` windows are standard-time offsets in hours, the span where the region's people live,
//   matched against config/countries' `utc` ranges.

/** A region a listing can name, its member countries and its typical UTC offset window. */
export type Region = {
  code: string;
  name: string;
  /** Other names listings use; all-capital ones ("EMEA") match only in capitals. */
  aliases: readonly string[];
  members: readonly string[];
  /** Countries only some readings of the name include: neither in nor out. */
  borderline: readonly string[];
  /** Typical standard-time UTC offset window in hours. */
  utc: readonly [number, number];
};

const list = (codes: string): readonly string[] =>
  Object.freeze(codes.split(/\s+/).filter(Boolean));

const EU = 'AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE';
// EU law reaches these outermost regions and Åland, but listings rarely mean them.
const EU_OUTERMOST = 'GF GP MQ RE YT MF AX';
const EEA = `${EU} IS LI NO`;
const EUROPE = `${EEA} GB CH AL AD BA BY MD MC ME MK RS SM UA VA GI FO GG JE IM AX SJ`;
const MIDDLE_EAST = 'AE BH IR IQ IL JO KW LB OM PS QA SA SY YE';
const NORTH_AFRICA = 'DZ EG LY MA TN';
const AFRICA =
  'DZ AO BJ BW BF BI CV CM CF TD KM CG CD DJ EG GQ ER SZ ET GA GM GH GN GW CI KE LS LR LY MG ' +
  'MW ML MR MU MA MZ NA NE NG RW ST SN SC SL SO ZA SS SD TZ TG TN UG ZM ZW EH RE YT SH';
const LATAM = 'AR BO BR CL CO CR CU DO EC SV GT HN MX NI PA PY PE PR UY VE';
const CARIBBEAN = 'BS BB TT AG DM GD KN LC VC JM HT AI AW BQ CW SX BL MF GP MQ KY TC MS VG VI';
const SOUTH_AMERICA = 'AR BO BR CL CO EC GY PY PE SR UY VE GF FK';
const PACIFIC = 'FJ PG SB VU WS TO KI TV NR FM MH PW GU NC PF AS MP CK NU TK WF NF PN';
const EAST_SOUTH_ASIA =
  'CN JP KR KP MN HK MO TW SG MY ID TH VN PH KH LA MM BN TL IN PK BD LK NP BT MV';
const CENTRAL_ASIA = 'KZ UZ KG TJ TM';
const CEE = 'AL BA BG BY CZ EE HR HU LT LV MD ME MK PL RO RS SI SK UA';

const region = (
  code: string,
  name: string,
  aliases: readonly string[],
  members: string,
  borderline: string,
  utc: readonly [number, number],
): Region =>
  Object.freeze({
    code,
    name,
    aliases: Object.freeze(aliases),
    members: list(members),
    borderline: list(borderline),
    utc,
  });

/** Every region enrichment knows, by code. */
export const regions: readonly Region[] = Object.freeze([
  region('EU', 'European Union', ['EU', 'E.U.'], EU, EU_OUTERMOST, [0, 2]),
  region('EEA', 'European Economic Area', ['EEA'], EEA, EU_OUTERMOST, [0, 2]),
  region('EUROPE', 'Europe', [], EUROPE, 'RU TR GE AM AZ KZ', [0, 3]),
  region(
    'EMEA',
    'Europe, Middle East and Africa',
    ['EMEA', 'Europe, the Middle East and Africa'],
    `${EUROPE} RU TR GE AM AZ ${MIDDLE_EAST} ${AFRICA}`,
    `${CENTRAL_ASIA} AF PK`,
    [-1, 4],
  ),
  region('UKI', 'UK and Ireland', ['UKI', 'UK & Ireland'], 'GB IE', 'IM JE GG', [0, 0]),
  region('DACH', 'DACH', ['DACH', 'D-A-CH'], 'DE AT CH', 'LI', [1, 1]),
  region('BENELUX', 'Benelux', [], 'BE NL LU', '', [1, 1]),
  region(
    'NORDICS',
    'Nordics',
    ['Nordic countries', 'Nordic region'],
    'DK FI IS NO SE FO GL AX SJ',
    '',
    [0, 2],
  ),
  region('SCANDINAVIA', 'Scandinavia', [], 'DK NO SE', 'FI IS FO', [1, 1]),
  region('BALTICS', 'Baltics', ['Baltic states', 'Baltic countries'], 'EE LV LT', '', [2, 2]),
  region(
    'CEE',
    'Central and Eastern Europe',
    ['CEE', 'Central & Eastern Europe', 'Central Eastern Europe', 'Eastern Europe'],
    CEE,
    'RU',
    [1, 3],
  ),
  region('MIDDLE_EAST', 'Middle East', [], MIDDLE_EAST, 'TR EG CY', [2, 4]),
  region(
    'MENA',
    'Middle East and North Africa',
    ['MENA', 'Middle East & North Africa'],
    `${MIDDLE_EAST} ${NORTH_AFRICA}`,
    'TR SD MR DJ EH',
    [0, 4],
  ),
  region('AFRICA', 'Africa', [], AFRICA, '', [-1, 4]),
  region('NA', 'North America', ['NORAM', 'NAMER', 'N. America'], 'US CA', 'MX GL BM PM', [-8, -5]),
  region(
    'LATAM',
    'Latin America',
    ['LATAM', 'LatAm', 'Latin America and the Caribbean'],
    LATAM,
    `BZ GY SR GF ${CARIBBEAN}`,
    [-6, -3],
  ),
  region('SOUTH_AMERICA', 'South America', [], SOUTH_AMERICA, '', [-5, -3]),
  region(
    'AMERICAS',
    'Americas',
    ['The Americas', 'AMER', 'AMERICAS', 'North and South America'],
    `US CA MX GT BZ SV HN NI CR PA ${SOUTH_AMERICA} ${CARIBBEAN} CU DO PR BM GL PM`,
    '',
    [-8, -3],
  ),
  region(
    'APAC',
    'Asia-Pacific',
    ['APAC', 'Asia Pacific', 'Asia/Pacific', 'APJ'],
    `${EAST_SOUTH_ASIA} AU NZ ${PACIFIC} CX CC`,
    `${CENTRAL_ASIA} AF RU`,
    [5, 12],
  ),
  region(
    'ASIA',
    'Asia',
    [],
    `${EAST_SOUTH_ASIA} ${CENTRAL_ASIA} AF`,
    `${MIDDLE_EAST} RU TR GE AM AZ CY`,
    [5, 9],
  ),
  region('OCEANIA', 'Oceania', ['Australasia'], `AU NZ ${PACIFIC}`, 'TL', [8, 13]),
  region(
    'ANZ',
    'Australia and New Zealand',
    ['ANZ', 'A/NZ', 'Australia & New Zealand'],
    'AU NZ',
    '',
    [8, 12],
  ),
]);

/** Adjectives listings put before "residents" or "time zones", by region code. */
export const regionDemonyms: Readonly<Record<string, string>> = Object.freeze({
  European: 'EUROPE',
  'Latin American': 'LATAM',
  'North American': 'NA',
  'South American': 'SOUTH_AMERICA',
  African: 'AFRICA',
  Asian: 'ASIA',
  Nordic: 'NORDICS',
  Scandinavian: 'SCANDINAVIA',
  'Middle Eastern': 'MIDDLE_EAST',
});

// Zone names in listings ("EST overlap", "CET ± 3") and the standard offset each means, in hours.
// Daylight-saving names map to their zone's standard offset ("CEST" is CET), because windows and
// country ranges are both kept in standard time. CST is US Central and IST India, as in listings.
/** Time zone names and abbreviations with the standard UTC offset (hours) they stand for. */
export const timeZoneNames: Readonly<Record<string, number>> = Object.freeze({
  UTC: 0,
  GMT: 0,
  WET: 0,
  WEST: 0,
  BST: 0,
  CET: 1,
  CEST: 1,
  MET: 1,
  WAT: 1,
  EET: 2,
  EEST: 2,
  CAT: 2,
  SAST: 2,
  MSK: 3,
  EAT: 3,
  GST: 4,
  PKT: 5,
  IST: 5.5,
  ICT: 7,
  WIB: 7,
  SGT: 8,
  HKT: 8,
  AWST: 8,
  JST: 9,
  KST: 9,
  ACST: 9.5,
  AEST: 10,
  AEDT: 10,
  NZST: 12,
  NZDT: 12,
  HST: -10,
  AKST: -9,
  PST: -8,
  PDT: -8,
  PT: -8,
  MST: -7,
  MDT: -7,
  MT: -7,
  CST: -6,
  CDT: -6,
  CT: -6,
  EST: -5,
  EDT: -5,
  ET: -5,
  AST: -4,
  NST: -3.5,
  BRT: -3,
  ART: -3,
  'Pacific Time': -8,
  'Mountain Time': -7,
  'Central Time': -6,
  'Eastern Time': -5,
  'Pacific Standard Time': -8,
  'Mountain Standard Time': -7,
  'Central Standard Time': -6,
  'Eastern Standard Time': -5,
  'Central European Time': 1,
  'Eastern European Time': 2,
  'Western European Time': 0,
  'Greenwich Mean Time': 0,
});
