/**
 * The data of an RFC 1035 master (zone) file as CoreDNS's `file` plugin holds it: records with
 * absolute owner names (lower-cased, as its Zone.Insert does), their TTL, class and typed data.
 */
import type { Diagnostic, SourceRange } from '../../text/diag';

/** The record types knetlab reads field by field and answers with. */
export const SIMULATED_TYPES = ['A', 'AAAA', 'CNAME', 'PTR', 'SRV', 'NS', 'SOA', 'TXT', 'MX'] as const;
export type SimulatedType = (typeof SIMULATED_TYPES)[number];

/** A record's data, by type. Names are absolute (with the final dot). */
export type RData =
  | { readonly type: 'A'; readonly address: string }
  | { readonly type: 'AAAA'; readonly address: string }
  | { readonly type: 'CNAME'; readonly target: string }
  | { readonly type: 'PTR'; readonly target: string }
  | { readonly type: 'NS'; readonly host: string }
  | { readonly type: 'MX'; readonly preference: number; readonly exchange: string }
  | { readonly type: 'SRV'; readonly priority: number; readonly weight: number; readonly port: number; readonly target: string }
  | {
      readonly type: 'SOA';
      readonly mname: string;
      readonly rname: string;
      readonly serial: number;
      readonly refresh: number;
      readonly retry: number;
      readonly expire: number;
      readonly minimum: number;
    }
  /** Character strings as written between the quotes (escapes kept, as dig prints them). */
  | { readonly type: 'TXT'; readonly strings: readonly string[] }
  /** A type miekg/dns knows but knetlab does not read (CAA, DNAME, HINFO...): its data as written. */
  | { readonly type: 'OTHER'; readonly text: string };

export interface ZoneRecord {
  /** The owner, absolute; lower-cased except for SRV records (CoreDNS keeps their case). */
  readonly name: string;
  readonly ttl: number;
  /** IN, CH, HS, CS, NONE, ANY or CLASSnn, as written (upper-cased). */
  readonly cls: string;
  /** The type's name: A, MX, ..., or another miekg/dns type (CAA) or TYPEnn. */
  readonly type: string;
  readonly data: RData;
  /** Where the record is written: from its owner (or first field) to its last field. */
  readonly range: SourceRange;
}

export interface ZoneParseOptions {
  /** The zone's origin (what CoreDNS's `file` plugin passes: the zone of its server block). */
  readonly origin?: string;
  /** The file name shown in diagnostics. */
  readonly file: string;
}

export interface ZoneParse {
  /** The origin the file was read with (absolute, lower-cased), or '' when none was known. */
  readonly origin: string;
  readonly records: ZoneRecord[];
  readonly diagnostics: Diagnostic[];
}
