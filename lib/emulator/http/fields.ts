import type { Request } from 'express';
import { ConnectError } from '../../errors';
import { isPlainObject } from '../plain-object';

/**
 * Checks for the fields of the emulator's own request bodies and queries. A wrong field is a
 * PAYLOAD_INVALID naming the field, which the error handler turns into a 400.
 */
export type Check<T> = (value: unknown) => value is T;

export const isString: Check<string> = (value): value is string => typeof value === 'string';
export const isInteger: Check<number> = (value): value is number => Number.isInteger(value);
export const isObject: Check<Record<string, unknown>> = isPlainObject;
/** A room is named by its id or its name, as HipChat's `id_or_name` path parameters do. */
export const isRoomKey: Check<number | string> = (value): value is number | string => isInteger(value) || isString(value);
/** A user is named by its id, its email or its `@mention` name, as HipChat's `id_or_email` parameters do. */
export const isUserKey: Check<number | string> = isRoomKey;

export function oneOf<T extends string>(allowed: readonly T[]): Check<T> {
  return (value): value is T => (allowed as readonly unknown[]).includes(value);
}

/** A string of `min` to `max` characters. */
export function text(min: number, max: number): Check<string> {
  return (value): value is string => isString(value) && value.length >= min && value.length <= max;
}

/** An absolute http(s) URL. */
export const isHttpUrl: Check<string> = (value): value is string => {
  if (typeof value !== 'string') return false;
  try {
    return /^https?:$/.test(new URL(value).protocol);
  } catch {
    return false;
  }
};

export const isBoolean: Check<boolean> = (value): value is boolean => typeof value === 'boolean';

/** `expected` completes "<field> must be …" in the error; without it the message stays generic. */
export function optional<T>(value: unknown, field: string, check: Check<T>, expected?: string): T | undefined {
  if (value === undefined || check(value)) return value;
  const message = expected === undefined ? `${field} has the wrong type or value` : `${field} must be ${expected}`;
  throw new ConnectError('PAYLOAD_INVALID', message, { details: { field } });
}

export function required<T>(value: unknown, field: string, check: Check<T>, expected?: string): T {
  const checked = optional(value, field, check, expected);
  if (checked === undefined) throw new ConnectError('PAYLOAD_INVALID', `${field} is required`, { details: { field } });
  return checked;
}

/** The parsed JSON body, or an empty object when the request had none. */
export function bodyOf(req: Request): Record<string, unknown> {
  return isObject(req.body) ? req.body : {};
}
