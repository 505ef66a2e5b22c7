// US dollars per one unit of each currency, used only to compare salaries across currencies
// (filters and sorting); a listing's own amounts and currency are always kept as stated.
// The rates are APPROXIMATE mid-market figures, rounded, as of `asOf`. Update them (and `asOf`)
// when a rate drifts by more than about 5%, or at least every quarter; fast-moving currencies
// (ARS, TRY, NGN, EGP) drift fastest. A currency missing here still parses: its USD figures are
// null. Adding one here also lets salary text name it by its ISO code.

/** A dated table of exchange rates: US dollars per unit of each ISO 4217 currency. */
export type CurrencyRates = {
  /** The day the rates were read (YYYY-MM-DD). */
  asOf: string;
  usdPer: Readonly<Record<string, number>>;
};

/** The rates salary enrichment converts with; see the comment above on when to update. */
export const currencyRates: CurrencyRates = Object.freeze({
  asOf: '2026-11-01',
  usdPer: Object.freeze({
    USD: 1,
    EUR: 1.16,
    GBP: 1.33,
    CHF: 1.25,
    CAD: 0.72,
    AUD: 0.66,
    NZD: 0.58,
    JPY: 0.0066,
    CNY: 0.14,
    HKD: 0.128,
    SGD: 0.77,
    KRW: 0.00071,
    TWD: 0.033,
    INR: 0.0113,
    PKR: 0.0036,
    PHP: 0.017,
    IDR: 0.00006,
    MYR: 0.24,
    THB: 0.031,
    VND: 0.000038,
    SEK: 0.105,
    NOK: 0.099,
    DKK: 0.155,
    PLN: 0.27,
    CZK: 0.047,
    HUF: 0.0029,
    RON: 0.23,
    UAH: 0.024,
    TRY: 0.024,
    ILS: 0.3,
    AED: 0.2723,
    SAR: 0.2667,
    EGP: 0.021,
    ZAR: 0.057,
    NGN: 0.00068,
    KES: 0.0077,
    BRL: 0.185,
    MXN: 0.054,
    ARS: 0.00069,
    CLP: 0.00105,
    COP: 0.00026,
  }),
});
