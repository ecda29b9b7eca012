package io.tapsrelay.frames.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads typed values from a JSON parser and notes the first value of the wrong JSON type instead
 * of throwing, so a payload reader can read on and report one clear problem. JSON null reads as
 * absent. Integers must fit in 64 bits; a number with a fraction or exponent is not an integer.
 *
 * <p>Meant for input whose syntax was already checked; an {@link IOException} then means a bug.
 */
final class FieldReader {
    private final JsonParser parser;
    private String problem;

    FieldReader(JsonParser parser) {
        this.parser = parser;
    }

    /** Moves to the next field's value inside the current object; false at the object's end. */
    boolean nextField() throws IOException {
        if (parser.nextToken() != JsonToken.FIELD_NAME) {
            return false;
        }
        parser.nextToken();
        return true;
    }

    /** Moves to the next element inside the current array; false at the array's end. */
    boolean nextElement() throws IOException {
        return parser.nextToken() != JsonToken.END_ARRAY;
    }

    String fieldName() throws IOException {
        return parser.currentName();
    }

    JsonToken token() {
        return parser.currentToken();
    }

    boolean isNull() {
        return parser.currentToken() == JsonToken.VALUE_NULL;
    }

    /** Byte offset, from the start of the parser's input, of the current token. */
    int tokenStart() {
        return (int) parser.currentTokenLocation().getByteOffset();
    }

    /** Byte offset, from the start of the parser's input, just past the current token. */
    int readTo() {
        return (int) parser.currentLocation().getByteOffset();
    }

    /** Skips the current value, nested ones included. */
    void skip() throws IOException {
        parser.skipChildren();
    }

    String string(String label) throws IOException {
        JsonToken t = parser.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t == JsonToken.VALUE_STRING) {
            return parser.getText();
        }
        return wrong(label, "a string");
    }

    Long integer(String label) throws IOException {
        JsonToken t = parser.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t == JsonToken.VALUE_NUMBER_INT) {
            if (parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                return wrong(label, "an integer within 64 bits");
            }
            return parser.getLongValue();
        }
        return wrong(label, "an integer");
    }

    Boolean bool(String label) throws IOException {
        JsonToken t = parser.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE) {
            return t == JsonToken.VALUE_TRUE;
        }
        return wrong(label, "a boolean");
    }

    /** An array of strings, or null when absent. */
    List<String> strings(String label) throws IOException {
        if (!array(label)) {
            return null;
        }
        List<String> out = new ArrayList<>();
        int index = 0;
        while (nextElement()) {
            String s = isNull() ? wrong(label + "[" + index + "]", "a string") : string(label + "[" + index + "]");
            if (s != null) {
                out.add(s);
            }
            index++;
        }
        return out;
    }

    /** An array of integers, or null when absent. */
    List<Long> integers(String label) throws IOException {
        if (!array(label)) {
            return null;
        }
        List<Long> out = new ArrayList<>();
        int index = 0;
        while (nextElement()) {
            Long n = isNull() ? wrong(label + "[" + index + "]", "an integer") : integer(label + "[" + index + "]");
            if (n != null) {
                out.add(n);
            }
            index++;
        }
        return out;
    }

    /** True when the current value starts an array; notes a problem unless it is an array or null. */
    boolean array(String label) throws IOException {
        JsonToken t = parser.currentToken();
        if (t == JsonToken.START_ARRAY) {
            return true;
        }
        if (t != JsonToken.VALUE_NULL) {
            wrong(label, "an array");
        }
        return false;
    }

    /** True when the current value starts an object; notes a problem otherwise. */
    boolean object(String label) throws IOException {
        if (parser.currentToken() == JsonToken.START_OBJECT) {
            return true;
        }
        wrong(label, "an object");
        return false;
    }

    /** Notes that a required field is absent, unless an earlier problem was noted. */
    void require(String label, Object value) {
        if (value == null) {
            note(label + " is missing");
        }
    }

    /** Notes a problem, unless an earlier one was noted. */
    void note(String message) {
        if (problem == null) {
            problem = message;
        }
    }

    Optional<String> problem() {
        return Optional.ofNullable(problem);
    }

    /** Notes the first wrong-typed value and skips it; the caller reads the value as absent. */
    <T> T wrong(String label, String expected) throws IOException {
        note(label + " is not " + expected);
        parser.skipChildren();
        return null;
    }
}
