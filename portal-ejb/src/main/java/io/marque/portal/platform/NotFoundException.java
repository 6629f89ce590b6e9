package io.marque.portal.platform;

import jakarta.ejb.ApplicationException;

/**
 * The thing asked for does not exist for this caller. Another tenant's id gets this same answer,
 * so a caller cannot tell "not yours" from "not there".
 */
@ApplicationException(rollback = true)
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what) {
        super(what + " not found");
    }
}
