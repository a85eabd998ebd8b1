/**
 * The names a lab gives things, as the loader checks them (the schema has the same patterns, in
 * schema/lab.schema.json `$defs`; the words for them are in schema/forms.ts).
 */

/**
 * A host: any name Linux and Kubernetes take for a machine, a DNS label (RFC 1123): letters,
 * digits and "-", at most 63, starting and ending with a letter or digit (`controlplane`, `node01`).
 */
export const HOST_NAME_RE = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;
/** A switch: letters, digits, "-", "_" and ".", at most 32, starting with a letter or digit. */
export const SWITCH_NAME_RE = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,31}$/;
/** A Linux interface name: at most 15 bytes, no slash, colon or white space, not `.` or `..`. */
export const IFNAME_RE = /^(?!\.{1,2}$)[^/:\s]{1,15}$/;
export const NETNS_NAME_RE = /^(?!\.{1,2}$)[^/\s]{1,64}$/;
/** An exercise id: lower-case letters, digits, "-" and "_", at most 64 (never "#", see grade/answersEdit.ts). */
export const EXERCISE_ID_RE = /^[a-z0-9][a-z0-9_-]{0,63}$/;
/** A variable: letters, digits and "_", at most 32, not starting with a digit. */
export const VARIABLE_NAME_RE = /^[A-Za-z_][A-Za-z0-9_]{0,31}$/;
