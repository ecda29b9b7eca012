package io.tapsrelay.relay.bench;

import java.util.List;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;

/**
 * Medians of one figure over several runs. A median, not a mean: one run disturbed by other work on
 * the machine should not move the reported figure.
 */
final class Medians {
    private Medians() {}

    static <T> double ofDoubles(List<T> runs, ToDoubleFunction<T> figure) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("no runs to take a median of");
        }
        double[] values = runs.stream().mapToDouble(figure).sorted().toArray();
        int n = values.length;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }

    static <T> long ofLongs(List<T> runs, ToLongFunction<T> figure) {
        return Math.round(ofDoubles(runs, r -> (double) figure.applyAsLong(r)));
    }

    /** The median of the runs that have the figure; empty when none has it. */
    static <T> OptionalLong ofPresent(List<T> runs, Function<T, OptionalLong> figure) {
        List<Long> present = runs.stream().map(figure).filter(OptionalLong::isPresent)
                .map(OptionalLong::getAsLong).toList();
        return present.isEmpty() ? OptionalLong.empty() : OptionalLong.of(ofLongs(present, Long::longValue));
    }
}
