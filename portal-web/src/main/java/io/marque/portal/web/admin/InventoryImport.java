package io.marque.portal.web.admin;

import io.marque.portal.platform.InvalidInputException;
import io.marque.portal.server.ServerCsv;
import io.marque.portal.server.ServerInventory;
import io.marque.portal.web.Feedback;
import io.marque.portal.web.security.CurrentUser;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The provider admin imports servers from a CSV file: all lines or, when any is wrong, none, with
 * every wrong line listed (line, column, why). A file over {@link #MAX_BYTES} is refused before it is
 * read.
 */
@Named("inventoryImport")
@RequestScoped
public class InventoryImport {

    /** 2 MB: some ten thousand servers, far more than one delivery brings. */
    public static final int MAX_BYTES = 2 * 1024 * 1024;

    /** The columns the file has, in this order, as its first line names them. */
    public static final List<String> COLUMNS = List.of("hostname", "cpu", "ram_gb", "disks", "ipv4", "ipv6",
            "location", "os", "driver", "rack", "bmc_host", "bmc_port", "bmc_user", "bmc_password", "upstream_id",
            "monthly_cost", "cost_currency");

    @Inject
    ServerInventory inventory;

    @Inject
    CurrentUser me;

    @Inject
    Feedback feedback;

    private Part file;
    private List<ServerCsv.LineError> lineErrors = List.of();

    public String upload() {
        byte[] csv = read(file);
        if (csv == null) {
            return null;
        }
        try {
            int count = inventory.importCsv(me.actor(), csv);
            feedback.info("inventory.import.done", count);
            return "/admin/servers?faces-redirect=true";
        } catch (ServerInventory.ImportException e) {
            lineErrors = e.errors();
            feedback.refused(e);
        } catch (InvalidInputException e) {
            feedback.refused(e);
        }
        return null;
    }

    /** The file's bytes, or null (with the reason on the page) when there is none or it is too large. */
    private byte[] read(Part part) {
        if (part == null || part.getSize() == 0) {
            feedback.error("inventory.import.noFile");
            return null;
        }
        if (part.getSize() > MAX_BYTES) {
            feedback.error("inventory.import.tooLarge");
            return null;
        }
        try (InputStream in = part.getInputStream()) {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                feedback.error("inventory.import.tooLarge");
                return null;
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String getColumns() {
        return String.join(",", COLUMNS);
    }

    public List<ServerCsv.LineError> getLineErrors() { return lineErrors; }
    public Part getFile() { return file; }
    public void setFile(Part file) { this.file = file; }
}
