package io.tapsrelay.relay.bench;

/**
 * The load of one scenario run.
 *
 * @param events events in total, split as evenly as possible over the streams
 * @param size content bytes per event
 * @param streams load streams, at most one per event
 * @param window the relay's credit window in events
 * @param rate total events per second, or 0 for as fast as credit allows
 */
record LoadShape(int events, int size, int streams, int window, double rate) {
    LoadShape {
        if (events < 1 || size < 1 || streams < 1 || streams > events || window < 1 || !(rate >= 0)) {
            throw new IllegalArgumentException("bad load: events=" + events + " size=" + size + " streams=" + streams
                    + " window=" + window + " rate=" + rate);
        }
    }

    /** Events stream {@code index} sends: the first {@code events % streams} streams take one more. */
    int eventsOf(int index) {
        return events / streams + (index < events % streams ? 1 : 0);
    }

    /** This load paced to {@code total} events per second in all (0: unpaced). */
    LoadShape withRate(double total) {
        return new LoadShape(events, size, streams, window, total);
    }

    /** Events per second one stream is paced to, or 0 for unpaced. */
    double ratePerStream() {
        return rate / streams;
    }

    /** The parameters as the report prints them, e.g. {@code streams=1 events=100000 size=256 window=1024}. */
    String describe() {
        return "streams=" + streams + " events=" + events + " size=" + size + " window=" + window
                + (rate > 0 ? " rate=" + BenchFormat.count(rate) : "");
    }
}
