package io.marque.portal.domains.acme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The file drop nginx reads: whole files only, an owner-only key, nothing outside the directory. */
class CertificateFilesTest {

    @TempDir
    Path root;

    @Test
    void writesTheChainAndAnOwnerOnlyKey() throws Exception {
        Path dir = root.resolve("certs"); // made on the first write
        CertificateFiles files = new CertificateFiles(dir);

        files.write("portal.acme-test.example", certificate("chain-1", "key-1"));

        assertEquals("chain-1", Files.readString(dir.resolve("portal.acme-test.example.crt")));
        assertEquals("key-1", Files.readString(dir.resolve("portal.acme-test.example.key")));
        assertEquals("rw-------", mode(dir.resolve("portal.acme-test.example.key")));
        assertEquals("rw-r--r--", mode(dir.resolve("portal.acme-test.example.crt")));
        assertEquals(List.of("portal.acme-test.example.crt", "portal.acme-test.example.key"), names(dir),
                "no temporary file is left behind");
        assertEquals(dir.resolve("portal.acme-test.example.key"), files.keyFile("portal.acme-test.example"));
        assertEquals(dir.resolve("portal.acme-test.example.crt"), files.certificateFile("portal.acme-test.example"));
    }

    @Test
    void aRenewalReplacesTheFilesByRenamingNotByRewritingThem() throws Exception {
        CertificateFiles files = new CertificateFiles(root);
        files.write("portal.acme-test.example", certificate("old chain", "old key"));
        Path chain = root.resolve("portal.acme-test.example.crt");
        Path key = root.resolve("portal.acme-test.example.key");
        Object oldChainInode = Files.readAttributes(chain, "unix:ino").get("ino");
        Object oldKeyInode = Files.readAttributes(key, "unix:ino").get("ino");

        try (InputStream reader = Files.newInputStream(chain)) { // nginx in the middle of a handshake
            files.write("portal.acme-test.example", certificate("new chain", "new key"));
            // the open file is the old one, whole: the new one came in under the name, beside it
            assertEquals("old chain", new String(reader.readAllBytes(), StandardCharsets.US_ASCII));
        }
        assertEquals("new chain", Files.readString(chain));
        assertEquals("new key", Files.readString(key));
        assertNotEquals(oldChainInode, Files.readAttributes(chain, "unix:ino").get("ino"));
        assertNotEquals(oldKeyInode, Files.readAttributes(key, "unix:ino").get("ino"));
        assertEquals("rw-------", mode(key));
        assertEquals(List.of("portal.acme-test.example.crt", "portal.acme-test.example.key"), names(root));
    }

    @Test
    void theKeyStaysOwnerOnlyWhateverItWasBefore() throws Exception {
        Path key = root.resolve("portal.acme-test.example.key");
        Files.writeString(key, "someone else's loose file");
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-rw-rw-"));

        new CertificateFiles(root).write("portal.acme-test.example", certificate("chain", "key"));

        assertEquals("rw-------", mode(key));
    }

    @Test
    void removeDeletesBothAndToleratesWhatIsGone() throws Exception {
        CertificateFiles files = new CertificateFiles(root);
        files.write("a.acme-test.example", certificate("a chain", "a key"));
        files.write("b.acme-test.example", certificate("b chain", "b key"));

        files.remove("a.acme-test.example");
        files.remove("a.acme-test.example");
        files.remove("never.acme-test.example");

        assertEquals(List.of("b.acme-test.example.crt", "b.acme-test.example.key"), names(root));
        new CertificateFiles(root.resolve("not-made-yet")).remove("a.acme-test.example");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../evil", "..", ".", "a/b", "/etc/passwd", "a..b.example", ".hidden.example",
            "portal.acme-test.example.", "Portal.Acme-Test.Example", "*.acme-test.example", "-a.example",
            "a-.example", "a b.example", "a\u0000b.example", "a\\b.example", "bücher.example", "a_b.example", "192.0.2.1", ""})
    void refusesWhatIsNotAPlainLowerCaseDnsName(String host) throws Exception {
        Path dir = root.resolve("certs");
        CertificateFiles files = new CertificateFiles(dir);
        IssuedCertificate certificate = certificate("chain", "key");

        assertThrows(IllegalArgumentException.class, () -> files.write(host, certificate));
        assertThrows(IllegalArgumentException.class, () -> files.remove(host));
        assertThrows(IllegalArgumentException.class, () -> files.keyFile(host));
        assertEquals(List.of(), names(root), "nothing was written, in the directory or beside it");
    }

    @Test
    void refusesOverlongNamesAndLabels() {
        CertificateFiles files = new CertificateFiles(root);
        String label63 = "a".repeat(63);
        String label64 = "a".repeat(64);
        files.keyFile(label63 + ".example");
        assertThrows(IllegalArgumentException.class, () -> files.keyFile(label64 + ".example"));
        String name253 = String.join(".", label63, label63, label63, "a".repeat(61));
        assertEquals(253, name253.length());
        files.keyFile(name253);
        assertThrows(IllegalArgumentException.class, () -> files.keyFile(name253 + "a"));
        assertThrows(IllegalArgumentException.class, () -> files.keyFile(null));
    }

    private static IssuedCertificate certificate(String chain, String key) {
        Instant now = Instant.now();
        return new IssuedCertificate(chain, key, now, now.plusSeconds(86400), "1f");
    }

    private static String mode(Path file) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
    }

    private static List<String> names(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }
}
