import { fixture } from './support/commands';
const f = fixture(['eth0']);
for (const l of process.argv.slice(2)) { const r = f.sh(l); console.log(`$ ${l} [${r.status}]\n${r.stdout}${r.stderr}`); }
