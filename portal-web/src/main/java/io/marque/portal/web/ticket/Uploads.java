package io.marque.portal.web.ticket;

import io.marque.portal.platform.InvalidInputException;
import io.marque.portal.ticket.AttachmentPolicy;
import io.marque.portal.ticket.Upload;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the files of a form into {@link Upload}s. Empty file inputs (nothing chosen) are skipped; a
 * file is never read past the policy's limit, so an oversized one costs no more memory than that.
 */
public final class Uploads {

    private Uploads() {
    }

    public static List<Upload> of(List<Part> parts) {
        List<Upload> uploads = new ArrayList<>();
        if (parts == null) {
            return uploads;
        }
        for (Part part : parts) {
            if (part == null || part.getSize() == 0 && (part.getSubmittedFileName() == null
                    || part.getSubmittedFileName().isEmpty())) {
                continue;
            }
            if (part.getSize() > AttachmentPolicy.MAX_BYTES) {
                throw new InvalidInputException("attachments", "error.attachment.size");
            }
            try (InputStream in = part.getInputStream()) {
                uploads.add(new Upload(part.getSubmittedFileName(), in.readNBytes(AttachmentPolicy.MAX_BYTES + 1)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return uploads;
    }
}
