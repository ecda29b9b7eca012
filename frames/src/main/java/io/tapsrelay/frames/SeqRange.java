package io.tapsrelay.frames;

/**
 * An inclusive range of origin sequences, {@code [from,to]} on the wire (§7 {@code missing}).
 * Held as it arrived; the validator checks {@code 1 <= from <= to <= max_seq}.
 */
public record SeqRange(long from, long to) {}
