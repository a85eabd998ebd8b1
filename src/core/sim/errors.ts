/**
 * Kernel errors as rtnetlink reports them: an errno, and where the kernel gives one, an extended
 * ack message. iproute2 prints the message as `Error: MSG.` when there is one, else
 * `RTNETLINK answers: STRERROR`.
 */
export type Errno =
  | 'EPERM'
  | 'ENOENT'
  | 'ESRCH'
  | 'EEXIST'
  | 'ENODEV'
  | 'EINVAL'
  | 'ERANGE'
  | 'EBUSY'
  | 'EOPNOTSUPP'
  | 'EADDRNOTAVAIL'
  | 'ENETDOWN'
  | 'ENETUNREACH'
  | 'EHOSTUNREACH'
  | 'EACCES'
  | 'ENOBUFS';

export const STRERROR: Record<Errno, string> = {
  EPERM: 'Operation not permitted',
  ENOENT: 'No such file or directory',
  ESRCH: 'No such process',
  EEXIST: 'File exists',
  ENODEV: 'No such device',
  EINVAL: 'Invalid argument',
  ERANGE: 'Numerical result out of range',
  EBUSY: 'Device or resource busy',
  EOPNOTSUPP: 'Operation not supported',
  EADDRNOTAVAIL: 'Cannot assign requested address',
  ENETDOWN: 'Network is down',
  ENETUNREACH: 'Network is unreachable',
  EHOSTUNREACH: 'No route to host',
  EACCES: 'Permission denied',
  ENOBUFS: 'No buffer space available',
};

export interface KernelError {
  readonly errno: Errno;
  /** The extended ack message, without the `Error: ` prefix and the final period. */
  readonly extack?: string;
}

export type KResult<T = undefined> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly err: KernelError };

export function ok(): KResult;
export function ok<T>(value: T): KResult<T>;
export function ok<T>(value?: T): KResult<T | undefined> {
  return { ok: true, value };
}

export function fail(errno: Errno, extack?: string): { ok: false; err: KernelError } {
  return { ok: false, err: extack === undefined ? { errno } : { errno, extack } };
}

/** How iproute2 prints a failed rtnetlink request. */
export function formatRtnlError(err: KernelError): string {
  return err.extack ? `Error: ${err.extack}.` : `RTNETLINK answers: ${STRERROR[err.errno]}`;
}
