/** vscode.languages: every registration is accepted and does nothing; diagnostic collections too. */
export const languages = new Proxy(
  {
    createDiagnosticCollection() {
      return { set() {}, delete() {}, clear() {}, dispose() {} };
    },
  } as Record<string, unknown>,
  { get: (t, k: string) => t[k] ?? (() => ({ dispose() {} })) },
);
