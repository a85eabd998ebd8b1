/**
 * The words of the JSON reader (read.ts): jsonc-parser's error codes as sentences a student can
 * act on, and the reminder that the CNI runtime reads the file with Go's encoding/json.
 */
import { type Localized, loc } from '../text/i18n';
import { eunneun } from '../text/particle';

/** jsonc-parser's error codes, in words. */
export function syntaxWords(code: string, snippet: string): Localized {
  switch (code) {
    case 'InvalidSymbol':
      if (/^'/.test(snippet))
        return loc(
          `${snippet} is not JSON: strings and keys need double quotes.`,
          `${eunneun(snippet)} JSON이 아닙니다: 문자열과 키는 큰따옴표로 감싸야 합니다.`,
        );
      return loc(
        `"${snippet}" is not JSON here (strings need double quotes; true, false and null are lower case).`,
        `${eunneun(`"${snippet}"`)} 여기에 올 수 있는 JSON이 아닙니다 (문자열은 큰따옴표로 감싸고, true, false, null은 소문자로 씁니다).`,
      );
    case 'InvalidNumberFormat':
    case 'UnexpectedEndOfNumber':
      return loc('This number is malformed.', '이 숫자의 형식이 틀렸습니다.');
    case 'PropertyNameExpected':
      return loc('A key in double quotes is expected here.', '여기에는 큰따옴표로 감싼 키가 와야 합니다.');
    case 'ValueExpected':
      return loc('A value is expected here.', '여기에는 값이 와야 합니다.');
    case 'ColonExpected':
      return loc('A ":" is expected after the key.', '키 다음에 ":"가 와야 합니다.');
    case 'CommaExpected':
      return loc('A "," is expected between two items.', '두 항목 사이에 ","가 와야 합니다.');
    case 'CloseBraceExpected':
      return loc('A "}" is missing: this object is never closed.', '"}"가 없습니다: 이 객체가 닫히지 않았습니다.');
    case 'CloseBracketExpected':
      return loc('A "]" is missing: this list is never closed.', '"]"가 없습니다: 이 리스트가 닫히지 않았습니다.');
    case 'EndOfFileExpected':
      return loc(
        'Text after the end of the configuration: a CNI configuration file holds one JSON object.',
        '설정이 끝난 뒤에 글자가 더 있습니다: CNI 설정 파일에는 JSON 객체 하나만 있어야 합니다.',
      );
    case 'UnexpectedEndOfComment':
      return loc(
        'This comment is never closed (and the CNI runtime allows no comments).',
        '이 주석이 닫히지 않았습니다 (CNI 런타임은 주석을 허용하지 않습니다).',
      );
    case 'UnexpectedEndOfString':
      return loc('This string is never closed: a closing " is missing.', '이 문자열이 닫히지 않았습니다: 닫는 "가 없습니다.');
    case 'InvalidUnicode':
      return loc('Invalid \\u escape: it takes four hex digits.', '잘못된 \\u 이스케이프입니다: 16진수 네 자리가 필요합니다.');
    case 'InvalidEscapeCharacter':
      return loc(
        'Invalid escape in a string (JSON knows \\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX).',
        '문자열 안의 이스케이프가 잘못되었습니다 (JSON은 \\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX만 압니다).',
      );
    case 'InvalidCharacter':
      return loc(
        'A control character (a tab, a line break) inside a string: write it as \\t or \\n.',
        '문자열 안에 제어 문자(탭, 줄바꿈)가 있습니다: \\t나 \\n으로 쓰세요.',
      );
    default:
      return loc(`Invalid JSON (${code}).`, `올바른 JSON이 아닙니다 (${code}).`);
  }
}

export const GO_JSON = loc(
  "the CNI runtime reads this file with Go's encoding/json, which",
  'CNI 런타임은 이 파일을 Go의 encoding/json으로 읽는데, 이것은',
);
