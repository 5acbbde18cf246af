export type LoadErrorKind =
  | 'empty'
  | 'not-text'
  | 'missing-columns'
  | 'unreadable'
  | 'too-large'
  | 'bad-mapping'
  | 'bad-setting';

/** A load failure with a message written for the person who picked the file. */
export class LoadError extends Error {
  constructor(
    readonly kind: LoadErrorKind,
    message: string
  ) {
    super(message);
    this.name = 'LoadError';
  }
}
