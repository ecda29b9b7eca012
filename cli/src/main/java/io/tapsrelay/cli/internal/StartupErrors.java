package io.tapsrelay.cli.internal;

import java.io.UncheckedIOException;
import java.net.BindException;

/** One line for an operator about why a relay could not start; the log has the detail. */
public final class StartupErrors {
    private StartupErrors() {}

    /**
     * The failure's own message (which names the address, file or directory involved), first line
     * only, with a hint when an address is taken.
     */
    public static String describe(Throwable failure) {
        Throwable shown = failure instanceof UncheckedIOException && failure.getCause() != null ? failure.getCause() : failure;
        String message = shown.getMessage();
        if (message == null || message.isBlank()) {
            message = shown.getClass().getSimpleName();
        }
        int newline = message.indexOf('\n');
        if (newline >= 0) {
            message = message.substring(0, newline);
        }
        if (addressInUse(failure)) {
            message += " (is another relay or program using it? change listen or admin_listen)";
        }
        return message;
    }

    private static boolean addressInUse(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof BindException
                    || (t.getMessage() != null && t.getMessage().contains("Address already in use"))) {
                return true;
            }
        }
        return false;
    }
}
