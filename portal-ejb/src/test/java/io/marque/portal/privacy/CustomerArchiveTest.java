package io.marque.portal.privacy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.Json;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

class CustomerArchiveTest {

    @Test
    void documentsAndFilesArriveInOrderAndNullsAreWritten() throws IOException {
        CustomerArchive zip = new CustomerArchive();
        zip.json("customer.json", new JsonDoc().add("name", "Carla").add("company", (String) null).build());
        zip.file("attachments/1/a.txt", "hello".getBytes(StandardCharsets.UTF_8));
        Map<String, byte[]> entries = read(zip.finish());
        assertEquals(java.util.List.of("customer.json", "attachments/1/a.txt"), java.util.List.copyOf(entries.keySet()));
        var customer = Json.createReader(new ByteArrayInputStream(entries.get("customer.json"))).readObject();
        assertEquals("Carla", customer.getString("name"));
        assertEquals(true, customer.isNull("company"));
        assertArrayEquals("hello".getBytes(StandardCharsets.UTF_8), entries.get("attachments/1/a.txt"));
    }

    @Test
    void aClimbingOrAbsoluteNameIsRefused() {
        CustomerArchive zip = new CustomerArchive();
        byte[] none = new byte[0];
        assertThrows(IllegalArgumentException.class, () -> zip.file("../x", none));
        assertThrows(IllegalArgumentException.class, () -> zip.file("/etc/x", none));
        assertThrows(IllegalArgumentException.class, () -> zip.file("a\\b", none));
    }

    private static Map<String, byte[]> read(byte[] bytes) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null;) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }
}
