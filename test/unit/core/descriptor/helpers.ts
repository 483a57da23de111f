import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ConnectError } from 'hipchat-connect';

export const FIXTURES = path.join(__dirname, '..', '..', '..', 'fixtures', 'descriptors');

export function fixtureText(name: string): string {
  return readFileSync(path.join(FIXTURES, name), 'utf8');
}

/** A fresh, mutable copy of a fixture, so each test may break it in its own way. */
export function fixture(name: string): any {
  return JSON.parse(fixtureText(name));
}

/** The ConnectError `run` throws, so tests can assert on its code and details. */
export function thrownBy(run: () => void): ConnectError {
  try {
    run();
  } catch (error) {
    if (error instanceof ConnectError) return error;
    throw error;
  }
  throw new Error('expected a ConnectError');
}
