/**
 * A command's `--flag value` pairs by the names it takes (flag → name), or what is wrong with them: an unknown
 * flag, one without its value, or a required one missing (`needs` says which, in the command's words).
 */
export const flagsOf = (command: string, args: string[], names: Record<string, string>, required: { names: string[]; needs: string }): Record<string, string> | string => {
  const given: Record<string, string> = {};
  for (let i = 0; i < args.length; i += 2) {
    const [flag, value] = [args[i]!, args[i + 1]];
    const name = Object.hasOwn(names, flag) ? names[flag] : undefined;
    if (name === undefined || value === undefined) return `Unknown or incomplete argument to ${command}: ${flag}.`;
    given[name] = value;
  }
  return required.names.every((name) => given[name] !== undefined) ? given : `${command} needs ${required.needs}.`;
};
