/**
 * The one base of every error the widget raises (Worker replies, sign-in, wallet). Code switches on
 * `code`, never on message text; `message` is a readable English sentence for logs and developers,
 * and the UI shows a translated message chosen by `code`.
 */
export class BaseError extends Error {
  override name = "BaseError";
  readonly code: string;
  /** The input field concerned, when there is one (dotted path, as the Worker's envelope names it). */
  readonly field: string | undefined;

  constructor(code: string, message: string, options: { field?: string | undefined; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.field = options.field;
  }
}
