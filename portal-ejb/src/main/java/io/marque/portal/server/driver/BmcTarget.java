package io.marque.portal.server.driver;

/**
 * How to reach one server's management controller. Provider-internal: never shown to a customer or
 * a reseller, and {@link #toString()} leaves the password out.
 *
 * @param serverId the inventory id, so a driver can keep per-server state (the simulation does)
 * @param host     BMC address; blank for drivers that need none
 */
public record BmcTarget(long serverId, String host, int port, String user, String password) {

    @Override
    public String toString() {
        return "BmcTarget[server " + serverId + ", " + host + ":" + port + ", user " + user + "]";
    }
}
