/**
 * Every command of `knetlab`, in the order the help lists them. A command is one module of this
 * folder and one entry here; main.ts and the help know commands only through this list.
 */
import type { Command } from '../command';
import { build } from './build';
import { check } from './check';
import { exec } from './exec';
import { grade } from './grade';
import { help } from './help';
import { quizHash } from './quiz-hash';
import { resolve } from './resolve';
import { trace } from './trace';
import { variant } from './variant';
import { version } from './version';

export const COMMANDS: readonly Command[] = [check, trace, resolve, exec, grade, build, variant, quizHash, help, version];
