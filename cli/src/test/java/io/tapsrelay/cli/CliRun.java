package io.tapsrelay.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** One in-process run of a command line, with what it wrote to stdout and stderr. */
record CliRun(int exitCode, String out, String err) {
    /** Runs the whole {@code tapsrelay} tree. */
    static CliRun tapsrelay(String... args) {
        return of(Main.commandLine(), args);
    }

    /** Runs a command line built around one command object (to give it test collaborators). */
    static CliRun of(CommandLine cli, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }

    /** For assertion messages: everything the run wrote. */
    String transcript() {
        return "exit " + exitCode + "\n--- stdout ---\n" + out + "--- stderr ---\n" + err;
    }
}
