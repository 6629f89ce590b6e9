package io.marque.portal.platform;

import jakarta.ejb.ApplicationException;

/** The caller is known but its roles do not allow the operation. */
@ApplicationException(rollback = true)
public class ForbiddenException extends RuntimeException {

    public ForbiddenException(String message) {
        super(message);
    }
}
