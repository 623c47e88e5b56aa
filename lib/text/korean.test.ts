import { describe, expect, it } from 'vitest';
import { endsWithFinalConsonant, josa } from './korean';

describe('josa', () => {
  it('follows the final consonant of Hangul exactly', () => {
    expect(josa('파드', '이/가')).toBe('파드가');
    expect(josa('레플리카셋', '이/가')).toBe('레플리카셋이');
    expect(josa('서비스', '을/를')).toBe('서비스를');
  });

  it('reads digits as Sino-Korean numbers', () => {
    expect(josa('3', '이/가')).toBe('3이');
    expect(josa('2', '이/가')).toBe('2가');
    expect(josa('10', '이/가')).toBe('10이');
  });

  it('guesses English endings the way they are transliterated', () => {
    expect(josa('web', '이/가')).toBe('web이');
    expect(josa('webserver', '이/가')).toBe('webserver가');
    expect(josa('nginx:latest', '이/가')).toBe('nginx:latest가');
    expect(endsWithFinalConsonant('running')).toBe(true);
    expect(endsWithFinalConsonant('')).toBe(false);
  });
});
