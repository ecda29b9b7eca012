package io.tapsrelay.cli;

import io.tapsrelay.cli.client.ClientTrust;
import io.tapsrelay.cli.client.EventSender;
import io.tapsrelay.cli.client.SendOutcome;
import io.tapsrelay.cli.client.SendRequest;
import io.tapsrelay.config.ConfigException;
import io.tapsrelay.config.RelayConfig;
import io.tapsrelay.frames.validate.Ids;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import javax.net.ssl.SSLContext;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code tapsrelay send}: posts one event to a relay as a local client. */
@Command(
        name = "send",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {
            "Post one event to a group, as a client of a relay (POST .../send with a bearer token).",
            "",
            "The content is the --text, the bytes of the --file, or else stdin; it is sent "
                    + "base64-encoded and the relay never reads it. The relay signs and stores the event, "
                    + "then answers with its event id and origin sequence, printed as "
                    + "'event_id=... origin_seq=...'.",
            "",
            "Without --url and --token it talks to the relay of the configuration (or of the "
                    + "defaults): its public_url, with the token in <storage.path>/client-token that the "
                    + "relay writes on first start. So in the relay's directory nothing needs setting.",
            "",
            "Sending again with the same --event-id is safe: the event is stored once and the first "
                    + "origin_seq is printed again. Exits 1 when the relay refuses the event or cannot be "
                    + "reached.",
            ""
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  tapsrelay send --group 'g!demo' --text hello",
            "  tapsrelay send --group 'g!demo' --file ciphertext.bin \\",
            "      --event-id 01ARZ3NDEKTSV4RRFFQ69G5FAV",
            "  echo hi | tapsrelay send --group 'g!demo' -c config/examples/relay-b.yaml",
            "  tapsrelay send --group 'g!demo' --text hi --url http://127.0.0.1:8458 \\",
            "      --token \"$(cat data/relay-b/client-token)\"",
            "",
            "Quote group ids in an interactive shell: bash reads an unquoted !demo as history."
        })
public final class SendCommand implements Callable<Integer> {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(30);

    @Spec
    CommandSpec spec;

    @Option(names = {"-g", "--group"}, required = true, paramLabel = "GROUP",
            description = "The group id, such as g!demo.")
    String group;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Content content;

    /** Where the content comes from; stdin when neither is given. */
    static final class Content {
        @Option(names = {"-t", "--text"}, paramLabel = "TEXT", description = "The content: this text, as UTF-8.")
        String text;

        @Option(names = {"-f", "--file"}, paramLabel = "FILE", description = "The content: the bytes of this file.")
        Path file;
    }

    @Option(names = "--event-id", paramLabel = "ULID",
            description = "The event's id, which makes a retry safe. Default: the relay chooses one.")
    String eventId;

    @Option(names = "--sender", paramLabel = "TEXT", description = "An opaque sender string stored with the event.")
    String sender;

    @Option(names = "--url", paramLabel = "URL",
            description = "The relay's federation URL. Default: public_url of the configuration (http://127.0.0.1:8448).")
    URI url;

    @Option(names = "--token", paramLabel = "TOKEN",
            description = "The client token. Default: the contents of <storage.path>/client-token (./data/client-token).")
    String token;

    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "The relay's configuration file, for the default URL and token.")
    Path config;

    @Option(names = "--ca-file", paramLabel = "FILE",
            description = "PEM CA certificates to trust for an https relay. Default: tls.ca_file of the"
                    + " configuration, else the JVM's trust store.")
    Path caFile;

    private final InputStream stdin;

    public SendCommand() {
        this(System.in);
    }

    /** @param stdin where the content is read from when neither --text nor --file is given */
    public SendCommand(InputStream stdin) {
        this.stdin = stdin;
    }

    @Override
    public Integer call() throws InterruptedException {
        // Checked again by SendRequest; checked here first so a typo is reported before any file is read.
        if (!Ids.isGroupId(group)) {
            throw new ParameterException(spec.commandLine(), "--group: '" + group + "' is not a group id; expected g!"
                    + " then 1-128 characters of A-Z a-z 0-9 . _ ~ -, such as g!demo");
        }
        if (eventId != null && !Ids.isUlid(eventId)) {
            throw new ParameterException(spec.commandLine(), "--event-id: '" + eventId + "' is not a ULID; expected 26"
                    + " Crockford base32 characters such as 01ARZ3NDEKTSV4RRFFQ69G5FAV");
        }
        PrintWriter err = spec.commandLine().getErr();
        RelayConfig relayConfig;
        try {
            relayConfig = ConfigFiles.loadOrDefaults(config);
        } catch (ConfigException e) {
            err.println(e.getMessage());
            return ExitCodes.USAGE;
        }
        URI relayUrl = url != null ? url : URI.create(relayConfig.publicUrl());
        String bearer = token;
        if (bearer == null) {
            Path tokenFile = relayConfig.storage().path().resolve("client-token");
            try {
                bearer = Files.readString(tokenFile, StandardCharsets.US_ASCII).strip();
            } catch (NoSuchFileException e) {
                err.println("error: no client token: " + tokenFile + " does not exist. The relay writes it on first"
                        + " start; run this where the relay runs (or pass --config), or pass --token");
                return ExitCodes.FAILURE;
            } catch (IOException e) {
                err.println("error: cannot read the client token in " + tokenFile + ": " + e);
                return ExitCodes.FAILURE;
            }
        }
        byte[] bytes;
        try {
            bytes = contentBytes();
        } catch (IOException e) {
            err.println("error: cannot read the content: " + e);
            return ExitCodes.FAILURE;
        }
        SendRequest request;
        try {
            request = new SendRequest(relayUrl, bearer, group, bytes, eventId, sender);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        SSLContext tls = null;
        Path trusted = caFile != null ? caFile : relayConfig.tls().caFile();
        if (trusted != null) {
            try {
                tls = ClientTrust.trusting(trusted, caFile != null ? "--ca-file" : "tls.ca_file");
            } catch (IOException e) {
                err.println("error: " + e.getMessage());
                return ExitCodes.FAILURE;
            }
        }
        SendOutcome outcome = new EventSender(CONNECT_TIMEOUT, ANSWER_TIMEOUT, tls).send(request);
        return report(outcome);
    }

    private byte[] contentBytes() throws IOException {
        if (content != null && content.text != null) {
            return content.text.getBytes(StandardCharsets.UTF_8);
        }
        if (content != null && content.file != null) {
            try {
                return Files.readAllBytes(content.file);
            } catch (NoSuchFileException e) {
                throw new IOException(content.file + " does not exist", e);
            }
        }
        if (stdin == System.in && System.console() != null) {
            spec.commandLine().getErr().println("reading the content from stdin; end it with Ctrl-D");
            spec.commandLine().getErr().flush();
        }
        return stdin.readAllBytes();
    }

    private int report(SendOutcome outcome) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (outcome instanceof SendOutcome.Acked a) {
            out.println("event_id=" + a.eventId() + " origin_seq=" + a.originSeq());
            out.flush();
            return ExitCodes.OK;
        }
        if (outcome instanceof SendOutcome.Refused r) {
            err.println("error: " + r.code() + ": " + r.message());
        } else if (outcome instanceof SendOutcome.Failed f) {
            err.println("error: HTTP " + f.status() + " " + f.title() + (f.detail().isEmpty() ? "" : ": " + f.detail()));
        } else if (outcome instanceof SendOutcome.Unreachable u) {
            err.println("error: cannot reach " + u.url() + ": " + u.reason() + " (is the relay running there?)");
        }
        err.flush();
        return ExitCodes.FAILURE;
    }
}
