/**
 * The lab schema as data (schema/lab.schema.json), and the words for its patterns: what each
 * `$defs` pattern means, in English and Korean, and the diagnostic code of a value that does not
 * have it. The messages say "not a valid host name: a letter, then..." instead of a regexp.
 */
import schemaJson from '../../../../schema/lab.schema.json';
import type { DiagnosticCode } from '../../text/diag';
import { type Localized, loc } from '../../text/i18n';
import type { SchemaObj } from './types';

/** The lab schema as JSON data (for editors, tests and `knetlab` commands that print it). */
export const LAB_SCHEMA: SchemaObj = schemaJson as SchemaObj;

/** Annotation keywords of the schema that ajv does not know (the rest are standard). */
export const SCHEMA_VOCABULARY = ['markdownDescription'];

// ---------------------------------------------------------------------------------------------
// Forms: what a pattern means, in words, and the code of a value that does not have it.

export interface Form {
  readonly code: DiagnosticCode;
  /** `a valid host name` */
  readonly noun: Localized;
  /** `a DNS label (RFC 1123): letters, digits and "-", ...` */
  readonly rule: Localized;
}

/** Keyed by the name of the `$defs` entry that holds the pattern. */
const FORMS: Record<string, Form> = {
  hostName: {
    code: 'bad-name',
    noun: loc('a valid host name', '올바른 호스트 이름'),
    rule: loc('a DNS label (RFC 1123): letters, digits and "-", at most 63, starting and ending with a letter or digit', 'DNS 레이블(RFC 1123): 문자, 숫자, "-" 최대 63자, 문자나 숫자로 시작하고 끝남'),
  },
  switchName: {
    code: 'bad-name',
    noun: loc('a valid switch name', '올바른 스위치 이름'),
    rule: loc(
      'letters, digits, "-", "_" and ".", at most 32, starting with a letter or digit',
      '문자, 숫자, "-", "_", "." 최대 32자, 문자나 숫자로 시작',
    ),
  },
  ifName: {
    code: 'bad-name',
    noun: loc('a valid interface name', '올바른 인터페이스 이름'),
    rule: loc(
      'at most 15 characters, no "/", ":" or spaces, and not lo (it exists already)',
      '최대 15자, "/", ":", 공백 불가, lo 불가(이미 있음)',
    ),
  },
  mac: {
    code: 'bad-mac',
    noun: loc('a unicast MAC address', '유니캐스트 MAC 주소'),
    rule: loc(
      'six hex pairs separated by ":", the first byte even, e.g. 02:00:00:00:01:01',
      '":"로 구분한 16진수 여섯 쌍, 첫 바이트는 짝수, 예: 02:00:00:00:01:01',
    ),
  },
  socket: {
    code: 'bad-serve',
    noun: loc('a socket', '소켓'),
    rule: loc(
      'write [netns:]tcp/PORT or [netns:]udp/PORT with a port from 1 to 65535, e.g. tcp/80 or red:tcp/8080, or [netns:]coredns',
      'tcp/80이나 red:tcp/8080처럼 [netns:]tcp/PORT 또는 [netns:]udp/PORT로 쓰세요(포트는 1-65535). CoreDNS는 [netns:]coredns로 씁니다',
    ),
  },
  absPath: {
    code: 'bad-file',
    noun: loc('an absolute path', '절대 경로'),
    rule: loc('start it with "/", like /etc/hosts', '/etc/hosts처럼 "/"로 시작하세요'),
  },
  relPath: {
    code: 'bad-file',
    noun: loc('a path inside the lab folder', '실습 폴더 안의 경로'),
    rule: loc('relative to lab.yaml, without a leading "/" or any ".."', 'lab.yaml 기준 상대 경로로, "/"로 시작하거나 ".."를 쓰지 마세요'),
  },
  exerciseId: {
    code: 'bad-name',
    noun: loc('a valid exercise id', '올바른 과제 id'),
    rule: loc(
      'lower-case letters, digits, "-" and "_", at most 64, starting with a letter or digit',
      '소문자, 숫자, "-", "_" 최대 64자, 소문자나 숫자로 시작',
    ),
  },
  variableName: {
    code: 'bad-name',
    noun: loc('a valid variable name', '올바른 변수 이름'),
    rule: loc('letters, digits and "_", at most 32, not starting with a digit', '문자, 숫자, "_" 최대 32자, 숫자로 시작하지 않음'),
  },
  port: {
    code: 'schema',
    noun: loc('a port', '포트'),
    rule: loc(
      'a number from 1 to 65535, or a variable\'s placeholder in quotes, e.g. 8080 or "{{ port }}"',
      '8080이나 "{{ port }}"처럼 1-65535의 숫자, 또는 따옴표로 감싼 변수 자리 표시',
    ),
  },
  endpoint: {
    code: 'bad-name',
    noun: loc('a host', '호스트'),
    rule: loc(
      'write a host name, or host/netns for a namespace of a host, e.g. b or host1/red',
      'b나 host1/red처럼 호스트 이름이나, 호스트의 네임스페이스는 호스트/네임스페이스로 쓰세요',
    ),
  },
  cidr: {
    code: 'schema',
    noun: loc('a network', '네트워크'),
    rule: loc('write ADDRESS/LENGTH, e.g. 10.0.0.0/8', '10.0.0.0/8처럼 주소/길이로 쓰세요'),
  },
  sha256: {
    code: 'schema',
    noun: loc('a SHA-256 digest', 'SHA-256 해시'),
    rule: loc('64 hex digits; print one with knetlab quiz-hash ANSWER', '16진수 64자리. knetlab quiz-hash 답으로 출력하세요'),
  },
};

let forms: Map<string, Form> | undefined;

/** Pattern source -> the form it checks (built on first use). */
export function formOf(pattern: string): Form | undefined {
  if (!forms) {
    forms = new Map();
    const defs = (LAB_SCHEMA['$defs'] ?? {}) as Record<string, SchemaObj>;
    for (const [name, form] of Object.entries(FORMS)) {
      const p = defs[name]?.['pattern'];
      if (typeof p === 'string') forms.set(p, form);
    }
  }
  return forms.get(pattern);
}

/** Pattern sources of the schema that have no words in FORMS (for tests: must be none). */
export function patternsWithoutForm(): string[] {
  const out: string[] = [];
  const seen = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(seen);
    else if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) {
        if (k === 'pattern' && typeof v === 'string' && !formOf(v)) out.push(v);
        else if (k !== 'enum' && k !== 'const') seen(v);
      }
    }
  };
  seen(LAB_SCHEMA);
  return out;
}
