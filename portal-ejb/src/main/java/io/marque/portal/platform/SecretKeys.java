package io.marque.portal.platform;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.logging.Logger;

/**
 * The installation's {@link SecretBox}. The key is {@code MARQUE_SECRET_KEY} (Base64, 32 bytes or more),
 * the same on every node; without it (the demo) a key is generated once into
 * {@code MARQUE_SECRET_KEY_FILE} (default {@code data/secret.key}) and read from there afterwards.
 */
@ApplicationScoped
public class SecretKeys {

    private static final Logger LOG = Logger.getLogger(SecretKeys.class.getName());

    @Inject
    MarqueConfig config;

    private SecretBox box;

    @PostConstruct
    void load() {
        box = new SecretBox(config.value("MARQUE_SECRET_KEY").map(k -> Base64.getDecoder().decode(k))
                .orElseGet(this::keyFile));
    }

    public SecretBox box() {
        return box;
    }

    private byte[] keyFile() {
        Path file = Path.of(config.value("MARQUE_SECRET_KEY_FILE", "data/secret.key")).toAbsolutePath();
        try {
            if (!Files.exists(file)) {
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                Files.createDirectories(file.getParent());
                Files.writeString(file, Base64.getEncoder().encodeToString(key), StandardOpenOption.CREATE_NEW);
                try {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException ignored) {
                    // not a POSIX file system: the directory's permissions protect it
                }
                LOG.warning(() -> "MARQUE_SECRET_KEY is not set: generated a key in " + file
                        + "; set MARQUE_SECRET_KEY (the same on every node) in production");
            }
            return Base64.getDecoder().decode(Files.readString(file).trim());
        } catch (IOException e) {
            throw new UncheckedIOException("The secret key file " + file + " cannot be read or made", e);
        }
    }
}
