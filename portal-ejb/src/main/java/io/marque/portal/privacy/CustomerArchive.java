package io.marque.portal.privacy;

import jakarta.json.Json;
import jakarta.json.JsonStructure;
import jakarta.json.JsonWriterFactory;
import jakarta.json.stream.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The ZIP a customer's data is handed over in: pretty-printed UTF-8 JSON documents and files, in the
 * order they are added. Entry names are made by {@link ArchiveNames}; this class refuses any other
 * absolute or climbing name, so a mistake cannot write outside the archive's folder.
 */
final class CustomerArchive {

    private static final JsonWriterFactory JSON = Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true));

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final ZipOutputStream zip = new ZipOutputStream(bytes);

    void json(String name, JsonStructure document) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (var writer = JSON.createWriter(out, java.nio.charset.StandardCharsets.UTF_8)) {
            writer.write(document);
        }
        file(name, out.toByteArray());
    }

    void file(String name, byte[] content) {
        if (name.startsWith("/") || name.contains("\\") || name.contains("..") || name.isBlank()) {
            throw new IllegalArgumentException("Not an archive entry name: " + name);
        }
        try {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content);
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    byte[] finish() {
        try {
            zip.finish();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
