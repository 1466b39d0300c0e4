import { DomainError } from '../domain-error';

/** The content is larger than the caller allowed; nothing of it was kept. */
export class PayloadTooLargeError extends DomainError {
  constructor(maxBytes: number) {
    super('PAYLOAD_TOO_LARGE', `Content exceeds ${maxBytes} bytes`, {
      status: 413,
      details: { maxBytes },
    });
  }
}

/** The bytes received do not have the SHA-256 the sender announced; nothing of them was kept. */
export class ChecksumMismatchError extends DomainError {
  constructor() {
    super('CHECKSUM_MISMATCH', 'Content does not match the given SHA-256', { status: 400 });
  }
}
