/** vscode.commands: registered commands, run by id. */
export const registered = new Map<string, (...a: unknown[]) => unknown>();

export const commands = {
  registerCommand(id: string, fn: (...a: unknown[]) => unknown) {
    registered.set(id, fn);
    return { dispose: () => registered.delete(id) };
  },
  async executeCommand(id: string, ...args: unknown[]) {
    return registered.get(id)?.(...args);
  },
};
