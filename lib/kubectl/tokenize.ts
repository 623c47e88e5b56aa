/**
 * Split a command line the way a POSIX shell would for simple commands: whitespace separates words, single quotes
 * are literal, double quotes allow `\"` and `\\`, a backslash escapes the next character. Pipes, redirects and
 * command chaining are reported, because the browser terminal runs kubectl only.
 */
export type TokenizeResult = { ok: true; words: string[] } | { ok: false; error: string; hint: string };

const SHELL_OPERATORS = new Set(['|', '>', '<', ';', '&']);

export function tokenize(line: string): TokenizeResult {
  const words: string[] = [];
  let current = '';
  let inWord = false;
  let i = 0;
  while (i < line.length) {
    const ch = line[i];
    if (ch === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) return unterminated("'");
      current += line.slice(i + 1, end);
      inWord = true;
      i = end + 1;
    } else if (ch === '"') {
      let j = i + 1;
      let text = '';
      while (j < line.length && line[j] !== '"') {
        if (line[j] === '\\' && j + 1 < line.length && '"\\$`'.includes(line[j + 1])) j++;
        text += line[j];
        j++;
      }
      if (j >= line.length) return unterminated('"');
      current += text;
      inWord = true;
      i = j + 1;
    } else if (ch === '\\') {
      if (i + 1 < line.length) current += line[i + 1];
      inWord = true;
      i += 2;
    } else if (/\s/.test(ch)) {
      if (inWord) words.push(current);
      current = '';
      inWord = false;
      i++;
    } else if (SHELL_OPERATORS.has(ch)) {
      return {
        ok: false,
        error: `error: shell operator "${ch}" is not supported in this terminal`,
        hint: '힌트: 이 연습용 터미널은 kubectl 명령 하나씩만 실행해요. 파이프(|)나 리다이렉트(>) 없이 입력해 보세요.',
      };
    } else {
      current += ch;
      inWord = true;
      i++;
    }
  }
  if (inWord) words.push(current);
  return { ok: true, words };
}

function unterminated(quote: string): TokenizeResult {
  return {
    ok: false,
    error: `error: unexpected EOF while looking for matching \`${quote}'`,
    hint: `힌트: 여는 따옴표(${quote})와 닫는 따옴표의 짝이 맞는지 확인해 보세요.`,
  };
}
