package io.marque.portal.ticket;

/** How a message reached the portal. */
public enum MessageSource {
    WEB,
    MAIL,
    API
}
