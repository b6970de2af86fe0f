import type { ApiErrorCode } from '../shared/api';
import type { ValidationIssue } from '../shared/formats/issues';

/** An error meant for the user (bad input, conflict, a fault explained): a code the UI can act on and a Dutch message. The service turns it into { ok: false, error }. */
export class UserError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly issues?: ValidationIssue[],
  ) {
    super(message);
    this.name = 'UserError';
  }
}
