/** An expected failure with a stable code; the web layer maps codes to HTTP statuses. */
export class AppError extends Error {
  constructor(
    readonly code: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'AppError';
  }
}

/** A local server the product needs could not be found, installed or started. */
export class EmbeddedServerError extends AppError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('embedded_server', message, options);
    this.name = 'EmbeddedServerError';
  }
}

/**
 * Why a fetch failed. `permanent` failures (404, 410, a refused address, not a feed) are not
 * retried; the others are, with backoff.
 */
export type FetchErrorCode =
  | 'invalid_url' // not an absolute http(s) URL
  | 'blocked_address' // resolves to a private/reserved address and is not allowlisted
  | 'dns' // the host name does not resolve
  | 'connect' // refused, reset, unreachable
  | 'timeout' // connect or total timeout
  | 'too_large' // body over the byte limit
  | 'too_many_redirects'
  | 'redirect_loop'
  | 'bad_redirect' // a redirect without a usable Location
  | 'http_status' // a non-2xx, non-304 answer (see `status`)
  | 'rate_limited' // the server answered 429/503 with Retry-After
  | 'host_wait' // our own politeness: the host is in its Retry-After window, or has no free slot
  | 'decode'; // the body could not be decompressed

export class FetchError extends AppError {
  constructor(
    readonly fetchCode: FetchErrorCode,
    message: string,
    readonly details: {
      status?: number;
      retryAfterMs?: number;
      url?: string;
      permanent?: boolean;
    } = {},
    options?: { cause?: unknown },
  ) {
    super(`fetch_${fetchCode}`, message, options);
    this.name = 'FetchError';
  }

  /** True when retrying the same request cannot help. */
  get permanent(): boolean {
    if (this.details.permanent !== undefined) return this.details.permanent;
    if (this.fetchCode === 'http_status') {
      const s = this.details.status ?? 0;
      return (
        s === 404 || s === 410 || s === 401 || s === 403 || s === 400 || s === 405 || s === 451
      );
    }
    return [
      'invalid_url',
      'blocked_address',
      'too_large',
      'too_many_redirects',
      'redirect_loop',
      'bad_redirect',
    ].includes(this.fetchCode);
  }
}

/** A body that is not a feed we can read, even after the repair pass. Never retried. */
export class ParseError extends AppError {
  constructor(
    message: string,
    readonly repairsTried: string[] = [],
    options?: { cause?: unknown },
  ) {
    super('parse_failed', message, options);
    this.name = 'ParseError';
  }
}

/** Request parameters that failed validation, one problem per parameter. */
export class InvalidQueryError extends AppError {
  constructor(readonly problems: Array<{ parameter: string; message: string }>) {
    super(
      'invalid_input',
      `Invalid parameters: ${problems.map((p) => `${p.parameter} ${p.message}`).join('; ')}`,
    );
    this.name = 'InvalidQueryError';
  }
}
