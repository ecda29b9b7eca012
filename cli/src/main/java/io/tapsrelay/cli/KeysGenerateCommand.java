package io.tapsrelay.cli;

import io.tapsrelay.cli.internal.PemFiles;
import io.tapsrelay.relay.identity.SigningKeys;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tapsrelay keys generate}: a new Ed25519 signing key as PKCS#8 PEM. */
@Command(
        name = "generate",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Make a new Ed25519 signing key (unencrypted PKCS#8 PEM, as openssl genpkey writes).",
            "",
            "Prints the PEM to stdout, or with --out writes it to a new file readable by its owner only "
                    + "(0600); an existing file is never overwritten. The key id and the base64 public key go "
                    + "to stderr: give the public key to peers that pin keys (peers[].keys in their "
                    + "configuration).",
            "",
            "A relay makes its own key on first start; use this to prepare one, then point "
                    + "signing.key_path at it (default <storage.path>/signing-key.pem).",
            ""
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  tapsrelay keys generate --out ./data/signing-key.pem",
            "  tapsrelay keys generate > key.pem"
        })
public final class KeysGenerateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE",
            description = "Write the key to this new file (mode 0600) instead of stdout.")
    Path out;

    @Override
    public Integer call() {
        String pem = SigningKeys.generatePem();
        byte[] publicKey = SigningKeys.readPem(pem).publicKey();
        if (out == null) {
            spec.commandLine().getOut().print(pem);
            spec.commandLine().getOut().flush();
        } else {
            try {
                PemFiles.writeNewOwnerOnly(out, pem);
            } catch (FileAlreadyExistsException e) {
                spec.commandLine().getErr().println("error: " + out + " already exists; not overwriting a key");
                return ExitCodes.FAILURE;
            } catch (NoSuchFileException e) {
                spec.commandLine().getErr().println("error: cannot write " + out + ": its directory does not exist");
                return ExitCodes.FAILURE;
            } catch (AccessDeniedException e) {
                spec.commandLine().getErr().println("error: cannot write " + out + ": permission denied");
                return ExitCodes.FAILURE;
            } catch (IOException e) {
                spec.commandLine().getErr().println("error: cannot write " + out + ": " + e.getMessage());
                return ExitCodes.FAILURE;
            }
            spec.commandLine().getErr().println("wrote " + out);
        }
        spec.commandLine().getErr().println("key_id=" + SigningKeys.keyIdOf(publicKey)
                + " public_key=" + Base64.getEncoder().encodeToString(publicKey));
        return ExitCodes.OK;
    }
}
