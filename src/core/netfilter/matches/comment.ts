/** `-m comment --comment TEXT`: matches every packet; the text is for the reader (and the trace). */
import { defineMatch, type MatchModule } from '../module';
import { quoteArg } from '../quote';

interface CommentData {
  comment?: string;
}

export const commentMatch: MatchModule = defineMatch<CommentData>({
  name: 'comment',
  options: [{ name: 'comment', arg: true }],
  init: () => ({}),
  parse(d, _opt, arg) {
    const text = arg ?? '';
    if (text.length > 255) return 'comment: value too long (max 255 characters)';
    d.comment = text;
    return undefined;
  },
  final: (d) => (d.comment === undefined ? 'comment: option "--comment" must be specified\n' : undefined),
  save: (d) => ` --comment ${quoteArg(d.comment ?? '')}`,
  print: (d) => ` /* ${d.comment ?? ''} */`,
  match: () => true,
});
