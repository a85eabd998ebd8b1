/** The Corefile language lives in ./corefile/; this keeps the old import path. */
export * from './corefile/index';
