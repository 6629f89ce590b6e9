package io.marque.portal.identity;

/**
 * Fired when a user's open sessions must end: the user was disabled, or its password was reset (a
 * session opened with the old password, perhaps by whoever knew it, must not outlive it).
 */
public record SessionsRevoked(long userId) {
}
