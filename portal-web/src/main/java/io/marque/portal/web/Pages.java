package io.marque.portal.web;

import io.marque.portal.platform.NotFoundException;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Supplier;

/** What a page does when the thing its URL names is not there for this reader: the tenant's own 404. */
public final class Pages {

    private Pages() {
    }

    /** What a look-up finds, or null where the thing is not there for this reader. */
    public static <T> T found(Supplier<T> lookup) {
        try {
            return lookup.get();
        } catch (NotFoundException e) {
            return null;
        }
    }

    /** A whole-number request parameter, or null when it is missing or not a number. */
    public static Long longParameter(String name) {
        String value = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get(name);
        try {
            return value == null ? null : Long.valueOf(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public static void notFound() {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        try {
            external.responseSendError(404, "Not found");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        faces.responseComplete();
    }
}
