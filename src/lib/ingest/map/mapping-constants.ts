/** Constant columns of a mapping: a value every row takes, read like a value of the file. */
import { columnSpec, FALSE_WORDS, TRUE_WORDS } from '../../contract/columns';
import { matchesTimestampFormat } from '../load/timestamp-formats';
import {
  allowedTargets,
  isAllowedTarget,
  isOpenColumn,
  matchValue,
  valueKey
} from './value-synonyms';

const MAX_CONSTANT_LENGTH = 200;

/**
 * The constant as the loader will store it (an enum synonym becomes its code, an open code is
 * lower-cased), or an error naming what is wrong. Never throws.
 */
export function normaliseConstant(
  column: string,
  value: unknown
): { value: string } | { error: string } {
  const spec = columnSpec(column);
  if (!spec) return { error: `unknown canonical column "${column}"` };
  if (typeof value !== 'string') return { error: `constant of "${column}" must be a string` };
  const text = value.trim();
  if (text === '') return { error: `constant of "${column}" is empty` };
  if (text.length > MAX_CONSTANT_LENGTH) {
    return { error: `constant of "${column}" is longer than ${MAX_CONSTANT_LENGTH} characters` };
  }
  switch (spec.type) {
    case 'string':
      return { value: spec.open ? valueKey(text) : text };
    case 'enum': {
      const code = spec.codes?.includes(text) ? text : matchValue(column, text);
      if (code !== undefined) return { value: code };
      const kept = valueKey(text);
      if (isOpenColumn(column) && isAllowedTarget(column, kept)) return { value: kept };
      return {
        error: `constant ${JSON.stringify(text)} is not a ${column} code (one of ${allowedTargets(column)?.join(', ')})`
      };
    }
    case 'bool': {
      const key = matchValue(column, text);
      const words: readonly string[] = [...TRUE_WORDS, ...FALSE_WORDS];
      if (key !== undefined && words.includes(key)) return { value: key };
      return { error: `constant ${JSON.stringify(text)} of "${column}" is not a yes/no value` };
    }
    case 'int':
    case 'num': {
      const n = Number(text);
      const bad =
        !/^-?\d+(\.\d+)?$/.test(text) ||
        (spec.type === 'int' && !Number.isInteger(n)) ||
        (spec.min !== undefined && n < spec.min) ||
        (spec.max !== undefined && n > spec.max);
      return bad
        ? { error: `constant ${JSON.stringify(text)} of "${column}" is out of range` }
        : { value: text };
    }
    case 'ts':
      return matchesTimestampFormat('iso', text)
        ? { value: text }
        : { error: `constant of "${column}" must be an ISO timestamp (2026-03-01 08:00:00)` };
  }
}
