import { describe, expect, it } from 'vitest';
import { plainNumber } from '../../../src/renderer/lib/tableText';

describe('plainNumber (clipboard values Dutch Excel reads as numbers)', () => {
  it('whole euros: no separators, a plain minus, no -0', () => {
    expect(plainNumber(-8997879.4)).toBe('-8997879');
    expect(plainNumber(1234567.5)).toBe('1234568');
    expect(plainNumber(-0.2)).toBe('0');
  });
  it('decimals with a decimal comma', () => {
    expect(plainNumber(12.345, 1)).toBe('12,3');
    expect(plainNumber(-0.5, 2)).toBe('-0,5');
  });
});
