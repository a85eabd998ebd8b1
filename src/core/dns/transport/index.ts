/** How a DNS message travels: as a packet's payload, to a server's App, and back (see each file). */
export { dnsPayload, dnsSummary, messageOf, questionText, rrText, sessionOf } from './payload';
export { dnsServerApp, upstreamAnswer } from './app';
export { ARP_FAIL_MS, concatLegs, exchange, type ExchangeRequest, type ExchangeResult, type ExchangeStatus } from './exchange';
