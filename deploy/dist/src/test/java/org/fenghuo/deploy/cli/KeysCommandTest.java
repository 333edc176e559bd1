package org.fenghuo.deploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.fenghuo.crypto.keys.Keystore;
import org.fenghuo.crypto.keys.KeystorePassphrase;
import org.fenghuo.crypto.sm.Sm2;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

class KeysCommandTest {
    private static final String PASSPHRASE = "tower-of-the-beacon-42";

    @RegisterExtension
    final IsolatedHome isolatedHome = new IsolatedHome();

    @TempDir
    Path dir;

    /** Runs {@code fenghuo keys ARGS} with {@code env} as the environment. */
    static CliRunner.Result keys(Map<String, String> env, String... args) {
        CommandLine cli = FenghuoCli.commandLine();
        ((KeysCommand) cli.getSubcommands().get("keys").getCommandSpec().userObject()).environment = env;
        String[] full = new String[args.length + 1];
        full[0] = "keys";
        System.arraycopy(args, 0, full, 1, args.length);
        return CliRunner.run(cli, full);
    }

    private Map<String, String> env() {
        return Map.of(KeystorePassphrase.VALUE_ENV, PASSPHRASE);
    }

    private Path initialised() {
        Path keystore = dir.resolve("keystore.bcfks");
        CliRunner.Result init = keys(env(), "init", "--keystore", keystore.toString());
        assertThat(init.exitCode()).as(init.err()).isZero();
        return keystore;
    }

    @Test
    void everyKeysCommandHasHelp() {
        for (String sub : new String[] {"init", "rotate", "list", "export-public", "reencrypt"}) {
            CliRunner.Result help = keys(Map.of(), sub, "--help");
            assertThat(help.exitCode()).as(sub).isZero();
            assertThat(help.out()).as(sub).startsWith("Usage: fenghuo keys " + sub).contains("--keystore")
                    .contains("--passphrase-file");
        }
    }

    @Test
    void initCreatesAKeystoreAndRefusesToReplaceItWithoutForce() {
        Path keystore = initialised();
        assertThat(keystore).exists();

        CliRunner.Result again = keys(env(), "init", "--keystore", keystore.toString());
        assertThat(again.exitCode()).isEqualTo(FenghuoCli.EXIT_USAGE);
        assertThat(again.err()).contains("keystore " + keystore + " already exists").contains("--force");

        assertThat(keys(env(), "init", "--keystore", keystore.toString(), "--force").exitCode()).isZero();
    }

    @Test
    void listShowsEveryVersionWithStatusAndNeverMaterial() {
        Path keystore = initialised();
        assertThat(keys(env(), "rotate", "--keystore", keystore.toString()).out()).contains("rotated data fenghuo -> v2");

        CliRunner.Result list = keys(env(), "list", "--keystore", keystore.toString());

        assertThat(list.exitCode()).isZero();
        List<String> rows = list.outLines();
        assertThat(rows).hasSize(6); // header, kek, data v1, data v2, blind-index, signing
        assertThat(rows.get(0)).startsWith("PURPOSE");
        assertThat(rows).filteredOn(r -> r.startsWith("data ")).hasSize(2);
        assertThat(rows.get(2)).contains("retired").contains("kek v1");
        assertThat(rows.get(3)).contains("current").contains("SM4-128");
        assertThat(list.out()).doesNotContain("BEGIN").doesNotContain(PASSPHRASE);
        // material never printed: the data key's bytes, base64 or hex, are nowhere in the output
        byte[] material = Keystore.open(keystore, KeystorePassphrase.of(PASSPHRASE.toCharArray()))
                .keyRing().currentDataKey().material();
        assertThat(list.out()).doesNotContain(java.util.HexFormat.of().formatHex(material))
                .doesNotContain(java.util.Base64.getEncoder().encodeToString(material));
    }

    @Test
    void rotateKekAndSigningAddVersionsAndRewrapTheDataKeys() {
        Path keystore = initialised();
        CliRunner.Result rotate = keys(env(), "rotate", "--keystore", keystore.toString(), "--kek", "--signing");
        assertThat(rotate.exitCode()).as(rotate.err()).isZero();
        assertThat(rotate.out()).contains("rotated kek fenghuo -> v2").contains("rotated signing fenghuo -> v2")
                .doesNotContain("rotated data");

        List<String> rows = keys(env(), "list", "--keystore", keystore.toString()).outLines();
        assertThat(rows).filteredOn(r -> r.startsWith("data ")).singleElement().asString().contains("kek v2");
        assertThat(rows).filteredOn(r -> r.startsWith("signing ")).hasSize(2);
    }

    @Test
    void aWrongPassphraseIsAClearNonZeroExit() {
        Path keystore = initialised();
        CliRunner.Result list = keys(Map.of(KeystorePassphrase.VALUE_ENV, "not-it"), "list", "--keystore", keystore.toString());
        assertThat(list.exitCode()).isEqualTo(FenghuoCli.EXIT_USAGE);
        assertThat(list.err()).startsWith("fenghuo keys list: WRONG_PASSPHRASE: wrong passphrase for keystore " + keystore)
                .doesNotContain("not-it");
        assertThat(list.out()).isEmpty();
    }

    @Test
    void noPassphraseOrNoKeystoreSaysWhatToDo() {
        Path keystore = initialised();
        CliRunner.Result none = keys(Map.of(), "list", "--keystore", keystore.toString());
        assertThat(none.exitCode()).isEqualTo(FenghuoCli.EXIT_USAGE);
        assertThat(none.err()).contains(KeystorePassphrase.VALUE_ENV).contains("--passphrase-file");

        Path missing = dir.resolve("absent.bcfks");
        CliRunner.Result absent = keys(env(), "list", "--keystore", missing.toString());
        assertThat(absent.exitCode()).isEqualTo(FenghuoCli.EXIT_INPUT);
        assertThat(absent.err()).contains("keystore " + missing + " does not exist").contains("fenghuo keys init");
    }

    @Test
    void thePassphraseCanComeFromAFileAndTheKeystoreFromTheEnvironment() throws Exception {
        Path keystore = dir.resolve("from-env.bcfks");
        Path secret = Files.writeString(dir.resolve("pass"), PASSPHRASE + "\n");
        Map<String, String> env = new HashMap<>();
        env.put(KeysCommand.KEYSTORE_ENV, keystore.toString());
        env.put(KeystorePassphrase.FILE_ENV, secret.toString());
        assertThat(keys(env, "init").exitCode()).isZero();
        assertThat(keystore).exists();
        assertThat(keys(Map.of(KeysCommand.KEYSTORE_ENV, keystore.toString()), "list", "--passphrase-file", secret.toString())
                .exitCode()).isZero();
        // the file and the variable hold the same passphrase: both open the keystore
        assertThat(keys(Map.of(KeysCommand.KEYSTORE_ENV, keystore.toString(), KeystorePassphrase.VALUE_ENV, PASSPHRASE), "list")
                .exitCode()).isZero();
    }

    @Test
    void aPassphraseFileOthersCanReadIsWarnedAboutOnStderrAndANonUtf8OneRefused() throws Exception {
        Path keystore = initialised();
        Path secret = Files.writeString(dir.resolve("pass"), PASSPHRASE + "\n");
        Assumptions.assumeTrue(Files.getFileAttributeView(secret, PosixFileAttributeView.class) != null,
                "file system without POSIX permissions");
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
        CliRunner.Result ownerOnly = keys(Map.of(), "list", "--keystore", keystore.toString(), "--passphrase-file",
                secret.toString());
        assertThat(ownerOnly.exitCode()).isZero();
        assertThat(ownerOnly.err()).isEmpty();

        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-r--r--"));
        CliRunner.Result readable = keys(Map.of(), "list", "--keystore", keystore.toString(), "--passphrase-file",
                secret.toString());
        assertThat(readable.exitCode()).isZero();
        assertThat(readable.err()).startsWith("fenghuo keys list: warning: passphrase file " + secret
                + " is readable by every user").contains("chmod 600").doesNotContain(PASSPHRASE);

        Path gbk = Files.write(dir.resolve("gbk"), "口令".getBytes(java.nio.charset.Charset.forName("GBK")));
        CliRunner.Result notUtf8 = keys(Map.of(), "list", "--keystore", keystore.toString(), "--passphrase-file",
                gbk.toString());
        assertThat(notUtf8.exitCode()).isEqualTo(FenghuoCli.EXIT_USAGE);
        assertThat(notUtf8.err()).contains("passphrase file " + gbk + " is not valid UTF-8");
    }

    @Test
    void aKeystoreNameTakenByALinkIsNotReplaced() throws Exception {
        Path keystore = dir.resolve("keystore.bcfks");
        Files.createSymbolicLink(keystore, dir.resolve("elsewhere.bcfks"));
        CliRunner.Result init = keys(env(), "init", "--keystore", keystore.toString());
        assertThat(init.exitCode()).isEqualTo(FenghuoCli.EXIT_USAGE);
        assertThat(init.err()).contains("keystore " + keystore + " already exists");
        assertThat(Files.isSymbolicLink(keystore)).isTrue();
    }

    @Test
    void noOptionTakesThePassphraseOnTheCommandLine() {
        Path keystore = initialised();
        CliRunner.Result withOption = keys(Map.of(), "list", "--keystore", keystore.toString(), "--passphrase", PASSPHRASE);
        assertThat(withOption.exitCode()).isEqualTo(FenghuoCli.EXIT_USAGE);
        assertThat(withOption.err()).contains("Unknown option");

        CommandSpec keysSpec = FenghuoCli.commandLine().getSubcommands().get("keys").getCommandSpec();
        List<String> names = new ArrayList<>();
        for (CommandLine sub : keysSpec.subcommands().values()) {
            for (OptionSpec option : sub.getCommandSpec().options()) {
                names.addAll(List.of(option.names()));
            }
        }
        assertThat(names).contains("--passphrase-file", "--keystore")
                .filteredOn(n -> n.toLowerCase().contains("pass")).containsOnly("--passphrase-file");
    }

    @Test
    void exportPublicWritesSpkiPemThatOpensslReads() throws Exception {
        Path keystore = initialised();
        CliRunner.Result stdout = keys(env(), "export-public", "--keystore", keystore.toString());
        assertThat(stdout.exitCode()).as(stdout.err()).isZero();
        assertThat(stdout.out()).startsWith("-----BEGIN PUBLIC KEY-----\n").endsWith("-----END PUBLIC KEY-----\n");

        Path pem = dir.resolve("audit.pub.pem");
        assertThat(keys(env(), "export-public", "--keystore", keystore.toString(), "--out", pem.toString()).exitCode()).isZero();
        assertThat(Files.readString(pem)).isEqualTo(stdout.out());
        assertThat(keys(env(), "rotate", "--keystore", keystore.toString(), "--signing").exitCode()).isZero();
        CliRunner.Result all = keys(env(), "export-public", "--keystore", keystore.toString(), "--all");
        assertThat(all.out()).contains("signing:fenghuo:1\n-----BEGIN PUBLIC KEY-----")
                .contains("signing:fenghuo:2\n-----BEGIN PUBLIC KEY-----");
        assertThat(keys(env(), "export-public", "--keystore", keystore.toString(), "--key-version", "1").out())
                .isEqualTo(stdout.out());
        CliRunner.Result lost = CliRunner.runAsMainWithFailingStdout(() -> {
            CommandLine full = FenghuoCli.commandLine();
            ((KeysCommand) full.getSubcommands().get("keys").getCommandSpec().userObject()).environment = env();
            return full;
        }, "keys", "export-public", "--keystore", keystore.toString());
        assertThat(lost.exitCode()).isEqualTo(FenghuoCli.EXIT_INPUT);
        assertThat(lost.err()).contains("fenghuo keys export-public: could not write all output to stdout");
        CliRunner.Result missing = keys(env(), "export-public", "--keystore", keystore.toString(), "--key-version", "9");
        assertThat(missing.exitCode()).isEqualTo(FenghuoCli.EXIT_USAGE);
        assertThat(missing.err()).contains("MISSING_KEY").contains("signing key v9");

        Assumptions.assumeTrue(onPath("openssl"), "openssl is not installed (CI installs it)");
        Process openssl = new ProcessBuilder("openssl", "pkey", "-pubin", "-in", pem.toString(), "-text", "-noout")
                .redirectErrorStream(true).start();
        String text = new String(openssl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(openssl.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(openssl.exitValue()).as(text).isZero();
        assertThat(text).contains("Public-Key: (256 bit)").contains("SM2");

        // what the audit trail signs with: the GM/T 0009 default signer ID, which OpenSSL must be told
        byte[] message = "checkpoint body".getBytes(StandardCharsets.US_ASCII);
        Files.write(dir.resolve("msg"), message);
        Files.write(dir.resolve("sig"), Sm2.sign(Keystore.open(keystore, KeystorePassphrase.of(PASSPHRASE.toCharArray()))
                .signingKey(1).privateKey(), message, new java.security.SecureRandom()));
        Process verify = new ProcessBuilder("openssl", "pkeyutl", "-verify", "-pubin", "-inkey", pem.toString(), "-rawin",
                "-digest", "sm3", "-pkeyopt", "distid:1234567812345678", "-in", dir.resolve("msg").toString(),
                "-sigfile", dir.resolve("sig").toString()).redirectErrorStream(true).start();
        String verified = new String(verify.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(verify.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(verify.exitValue()).as(verified).isZero();
        assertThat(verified).contains("Signature Verified Successfully");
    }

    static boolean onPath(String program) {
        for (String dirName : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dirName, program))) {
                return true;
            }
        }
        return false;
    }
}
