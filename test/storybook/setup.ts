import { afterEach, beforeEach, expect } from 'vitest';

// "Every story renders with no console error": any console.error or console.warn during a story
// (React warnings, failed fetches the kit logs, act() misuse…) fails that story's test.
const logged: string[] = [];
const original = { error: console.error, warn: console.warn };

beforeEach(() => {
  logged.length = 0;
  for (const level of ['error', 'warn'] as const) {
    console[level] = (...args: unknown[]) => {
      logged.push(`console.${level}: ${args.map((arg) => (arg instanceof Error ? arg.stack ?? arg.message : String(arg))).join(' ')}`);
      original[level](...args);
    };
  }
});

afterEach(() => {
  console.error = original.error;
  console.warn = original.warn;
  expect(logged, 'the story logged to the console').toEqual([]);
});
