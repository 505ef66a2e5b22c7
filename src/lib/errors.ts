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
