package io.tapsrelay.config.internal;

import java.util.function.Function;

/**
 * The type of one scalar in the schema: how to parse its text and how to describe it.
 *
 * @param noun the type with its article, as in "'x' is not {@code a duration}"
 * @param expected what a valid value looks like, as in "expected {@code a number with a unit ...}"
 * @param parser text to value or failure
 * @param secret whether the written value must not be echoed in problems
 */
public record Kind<T>(String noun, String expected, Function<String, Parsed<T>> parser, boolean secret) {
    public Kind(String noun, String expected, Function<String, Parsed<T>> parser) {
        this(noun, expected, parser, false);
    }

    /** The usual failure: the text is not one of these. */
    public Parsed<T> notThis() {
        return Parsed.bad("is not " + noun);
    }

    public Parsed<T> parse(String text) {
        return parser.apply(text);
    }
}
