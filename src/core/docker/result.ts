/** What a docker subcommand gives back: its output, its status, and what it did not simulate (with the argv index). */
export interface DockerResult {
  readonly stdout: string;
  readonly stderr: string;
  readonly status: number;
  readonly notSimulated?: { readonly what: string; readonly index: number };
}

export const ok = (stdout = ''): DockerResult => ({ stdout, stderr: '', status: 0 });
export const fail = (stderr: string, status: number): DockerResult => ({ stdout: '', stderr, status });
export const notSim = (what: string, index: number): DockerResult => ({ stdout: '', stderr: '', status: 1, notSimulated: { what, index } });
