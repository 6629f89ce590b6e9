package io.marque.portal.mail.inbound;

import java.io.Serializable;

/**
 * What one fetch of a mailbox did.
 *
 * @param busy     the mailbox was being fetched already; nothing was done
 * @param accepted mails handed to ticketing and marked read
 * @param left     mails left unread for the next round (too large, or ticketing failed on them)
 * @param error    a message key naming the first problem, or null
 */
public record PollResult(boolean busy, int accepted, int left, String error) implements Serializable {

    public static final PollResult BUSY = new PollResult(true, 0, 0, null);

    public static PollResult failed(String error) {
        return new PollResult(false, 0, 0, error);
    }
}
