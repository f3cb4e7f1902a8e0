import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bacaPersen, persenUntukInput } from '../src/api-evaluasi.ts';

describe('evaluation score input', () => {
  it('reads a share 0..100 typed the Indonesian way, exactly', () => {
    assert.equal(bacaPersen('87,5'), '87.5');
    assert.equal(bacaPersen(' 80,01 '), '80.01');
    assert.equal(bacaPersen('100'), '100');
    assert.equal(bacaPersen('100,0'), '100.0');
    assert.equal(bacaPersen('007'), '7');
    assert.equal(bacaPersen('0'), '0');
    // A share never reaches a thousand, so a point can only be a decimal point.
    assert.equal(bacaPersen('87.5'), '87.5');
    assert.equal(persenUntukInput('86.6666'), '86,6666');
  });

  it('refuses what is not a share', () => {
    for (const s of ['', '100,01', '101', '-1', '1.2345,6', '12,34567', 'abc', '1e2']) assert.equal(bacaPersen(s), undefined, s);
  });
});
