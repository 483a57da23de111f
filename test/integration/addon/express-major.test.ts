import express from 'express';

/** Guards the Express 4 project: it must really run Express 4, or its passing tests prove nothing. */
describe('the Express major under test', () => {
  it('is the one the jest project names', () => {
    const major = (globalThis as { EXPRESS_MAJOR?: number }).EXPRESS_MAJOR;
    // The default query parser is the one observable difference that needs no request.
    expect(express().get('query parser')).toBe(major === 4 ? 'extended' : 'simple');
  });
});
