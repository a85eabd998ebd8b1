/** `knetlab quiz-hash`: the salted hash of a quiz answer, as the line a lab author pastes. */
import { randomBytes } from 'node:crypto';
import { hashAnswer } from '../../core';
import type { Command } from '../command';
import { usageError } from '../usage';

export const quizHash: Command = {
  name: 'quiz-hash',
  summary: { en: 'Print the salted hash of a quiz answer.', ko: '퀴즈 답의 솔트 해시를 출력합니다.' },
  usage: { en: 'quiz-hash ANSWER [--salt SALT]', ko: 'quiz-hash 답 [--salt SALT]' },
  help: { en: 'Print the salted hash of a quiz answer, for lab authors.', ko: '퀴즈 답의 솔트 해시를 출력합니다 (실습 작성자용).' },
  listing: 'command',
  options: [{ name: '--salt', value: 'SALT' }],
  run(p, { lang, io }) {
    const answer = p.positional.join(' ');
    if (!answer.trim()) throw usageError(quizHash, lang);
    const salt = p.options.get('--salt') ?? randomBytes(8).toString('hex');
    io.out(`answer: { sha256: "${hashAnswer(answer, salt)}", salt: "${salt}" }\n`);
    return 0;
  },
};
