/** Tells the database engine's own error text (its error class, SQL excerpts) from a message written for people. */

const ENGINE_CLASSES = [
  'Binder',
  'Catalog',
  'Constraint',
  'Conversion',
  'Dependency',
  'Fatal',
  'HTTP',
  'INTERNAL',
  'Internal',
  'Interrupt',
  'Invalid Input',
  'Invalid Type',
  'IO',
  'Not implemented',
  'Out of Memory',
  'Out of Range',
  'Parser',
  'Permission',
  'Sequence',
  'Serialization',
  'Syntax',
  'TransactionContext',
  'Type Mismatch'
];

const ENGINE_PREFIX = new RegExp(`^(${ENGINE_CLASSES.join('|')}) Error:`);
const SQL_EXCERPT = /\bLINE \d+:|\b(SELECT|WITH)\b[\s\S]*\bFROM\b/;

/** True when the text is the engine's (or contains SQL) and must not be shown as the message. */
export function isEngineError(text: string): boolean {
  return ENGINE_PREFIX.test(text.trimStart()) || SQL_EXCERPT.test(text);
}
