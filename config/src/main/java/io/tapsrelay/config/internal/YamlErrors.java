package io.tapsrelay.config.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Turns a YAML parser failure into one line for an operator: where (line and column, 1-based) and
 * what, without stack traces, snippets or Java class names.
 */
public final class YamlErrors {
    private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '(.*)'", Pattern.DOTALL);

    private YamlErrors() {}

    public static String describe(JsonProcessingException e) {
        if (e.getCause() instanceof MarkedYAMLException marked) {
            return describe(marked);
        }
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        Matcher duplicate = DUPLICATE.matcher(message);
        String what = duplicate.lookingAt() ? "duplicate key '" + duplicate.group(1) + "'" : firstLine(message);
        return "YAML error" + at(e.getLocation()) + ": " + what;
    }

    private static String describe(MarkedYAMLException e) {
        StringBuilder out = new StringBuilder("YAML syntax error");
        Mark mark = e.getProblemMark();
        if (mark != null) {
            out.append(" at line ").append(mark.getLine() + 1).append(", column ").append(mark.getColumn() + 1);
        }
        out.append(": ").append(firstLine(e.getProblem()));
        if (e.getContext() != null) {
            out.append(" (").append(firstLine(e.getContext()));
            Mark contextMark = e.getContextMark();
            if (contextMark != null) {
                out.append(", from line ").append(contextMark.getLine() + 1)
                        .append(", column ").append(contextMark.getColumn() + 1);
            }
            out.append(')');
        }
        return out.toString();
    }

    private static String at(JsonLocation location) {
        return location == null || location.getLineNr() < 1
                ? ""
                : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        String t = text.strip();
        int newline = t.indexOf('\n');
        return newline < 0 ? t : t.substring(0, newline).strip();
    }
}
