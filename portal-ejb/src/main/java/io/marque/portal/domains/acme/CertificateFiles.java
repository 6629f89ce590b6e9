package io.marque.portal.domains.acme;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Objects;
import java.util.Set;

/**
 * The file drop for the TLS front end: {@code <dir>/<host>.crt} (the full chain, leaf first) and
 * {@code <dir>/<host>.key} (its private key, mode 0600), which nginx reads at every handshake through
 * {@code ssl_certificate <dir>/$name.crt} (see {@code docs/tls-front-end.md}), so a new certificate is
 * served from the next connection on, without a reload. The directory is {@code MARQUE_CERT_DIR}.
 *
 * <p>Each file is written whole to a temporary file in the same directory, flushed to disk and renamed
 * over the old one ({@code ATOMIC_MOVE}), so a reader sees the old file or the new one, never a part.
 * The two renames cannot be one, so for a moment the pair may not match; the <b>key goes first</b>: the
 * certificate is the commit mark. Whoever checks what is installed (the renewal job reading the
 * {@code .crt}'s expiry) sees the new certificate only once its key is in place; were the process to
 * die between the renames, the old certificate stays, looks due, and the next renewal repairs the pair.
 * The other order could leave a new, not-yet-due certificate beside the old key, broken until it expires.
 *
 * <p>The key file is created with mode 0600 from the start (never briefly readable by others). nginx's
 * worker processes read it, so they must run as the owner of these files (see the front-end doc).
 *
 * <p>Host names must be plain lower-case DNS names, which cannot name a file outside the directory.
 */
public final class CertificateFiles {

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> WORLD_READABLE = PosixFilePermissions.fromString("rw-r--r--");

    private final Path dir;

    /** @param dir where the files go; created on the first write */
    public CertificateFiles(Path dir) {
        this.dir = Objects.requireNonNull(dir, "dir").toAbsolutePath().normalize();
    }

    /** The directory, absolute. */
    public Path dir() {
        return dir;
    }

    /** {@code <dir>/<host>.crt} */
    public Path certificateFile(String host) {
        return dir.resolve(HostName.require(host) + ".crt");
    }

    /** {@code <dir>/<host>.key} */
    public Path keyFile(String host) {
        return dir.resolve(HostName.require(host) + ".key");
    }

    /**
     * Installs the certificate for the host, replacing any earlier one: the key, then the chain.
     *
     * @throws IllegalArgumentException when the host is not a plain lower-case DNS name
     * @throws IOException              when the directory cannot be written; the files are then as they
     *                                  were, or only the key is new (see the class comment)
     */
    public void write(String host, IssuedCertificate certificate) throws IOException {
        Path key = keyFile(host);
        Path chain = certificateFile(host);
        Files.createDirectories(dir);
        replace(key, certificate.privateKeyPem(), OWNER_ONLY);
        replace(chain, certificate.chainPem(), WORLD_READABLE);
    }

    /**
     * Removes the host's files, the certificate first (the mark), then the key; removing what is not there
     * is fine.
     *
     * @throws IllegalArgumentException when the host is not a plain lower-case DNS name
     */
    public void remove(String host) throws IOException {
        Path chain = certificateFile(host);
        Path key = keyFile(host);
        Files.deleteIfExists(chain);
        Files.deleteIfExists(key);
        syncDirectory();
    }

    private void replace(Path target, String content, Set<PosixFilePermission> permissions) throws IOException {
        FileAttribute<Set<PosixFilePermission>> mode = PosixFilePermissions.asFileAttribute(permissions);
        Path temporary = Files.createTempFile(dir, "." + target.getFileName(), ".tmp", mode);
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer bytes = ByteBuffer.wrap(content.getBytes(StandardCharsets.US_ASCII));
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(true); // the data is on disk before the name points at it
            }
            // createTempFile's mode is filtered by the umask; a certificate must be readable by nginx
            Files.setPosixFilePermissions(temporary, permissions);
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("The file system of " + dir + " cannot rename atomically", e);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
        syncDirectory();
    }

    /** Makes the renames durable; a file system that cannot sync a directory keeps them anyway, later. */
    private void syncDirectory() {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // not supported here (some file systems, other platforms): the rename is still atomic
        }
    }
}
