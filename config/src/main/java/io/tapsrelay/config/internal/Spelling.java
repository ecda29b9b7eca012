package io.tapsrelay.config.internal;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * "Did you mean" for misspelt keys and values: the nearest candidate by edit distance, offered
 * only when it is close enough that the guess is likely right.
 */
public final class Spelling {
    private static final int MAX_DISTANCE = 3;

    private Spelling() {}

    /**
     * The candidate nearest to {@code written}, if one is within a third of its length (at least
     * one edit, at most three). Case, camelCase and {@code -} versus {@code _} do not count as
     * differences; a swap of two neighbouring letters counts as one edit.
     */
    public static Optional<String> nearest(String written, Collection<String> candidates) {
        String w = normalise(written);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            String c = normalise(candidate);
            int limit = Math.max(1, Math.min(MAX_DISTANCE, c.length() / 3));
            int d = distance(w, c);
            if (d <= limit && d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return Optional.ofNullable(best);
    }

    /** "did you mean 'x'?" for the nearest candidate, or null. */
    public static String didYouMean(String written, Collection<String> candidates) {
        return nearest(written, candidates).map(c -> "did you mean '" + c + "'?").orElse(null);
    }

    // serverId, server-id and SERVER_ID all become server_id.
    static String normalise(String s) {
        StringBuilder out = new StringBuilder(s.length() + 4);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isUpperCase(c) && i > 0 && Character.isLowerCase(s.charAt(i - 1))) {
                out.append('_');
            }
            out.append(c == '-' ? '_' : c);
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions, adjacent swaps. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int best = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    best = Math.min(best, d[i - 2][j - 2] + 1);
                }
                d[i][j] = best;
            }
        }
        return d[a.length()][b.length()];
    }
}
