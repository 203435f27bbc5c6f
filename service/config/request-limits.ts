/*
 * Limits every face that reads an HTTP body shares (the API's JSON bodies and the bot's activities),
 * so both refuse an endless upload at the same size.
 */

/**
 * A body over its limit is still read (and dropped) up to this many bytes, so the client, which is
 * still sending, reads a 413 instead of a reset connection; the request deadline bounds how long.
 * Beyond it the connection is cut.
 */
export const MAX_DRAIN_BYTES = 32 * 1024 * 1024;
