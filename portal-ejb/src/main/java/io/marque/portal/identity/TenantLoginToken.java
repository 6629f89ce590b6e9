package io.marque.portal.identity;

import org.apache.shiro.authc.HostAuthenticationToken;

/**
 * A sign-in attempt on one tenant: e-mail and password, or the second step (challenge and
 * authenticator code). The tenant comes from the request's host, never from the form.
 */
public final class TenantLoginToken implements HostAuthenticationToken {

    private final long tenantId;
    private final String email;
    private final char[] password;
    private final String challenge;
    private final String code;
    private final String clientAddress;

    private TenantLoginToken(long tenantId, String email, char[] password, String challenge, String code,
            String clientAddress) {
        this.tenantId = tenantId;
        this.email = email;
        this.password = password;
        this.challenge = challenge;
        this.code = code;
        this.clientAddress = clientAddress;
    }

    public static TenantLoginToken password(long tenantId, String email, char[] password, String clientAddress) {
        return new TenantLoginToken(tenantId, email, password, null, null, clientAddress);
    }

    public static TenantLoginToken secondFactor(long tenantId, String challenge, String code, String clientAddress) {
        return new TenantLoginToken(tenantId, null, null, challenge, code, clientAddress);
    }

    public long tenantId() { return tenantId; }
    public String email() { return email; }
    public char[] password() { return password; }
    public String challenge() { return challenge; }
    public String code() { return code; }

    @Override
    public String getHost() {
        return clientAddress;
    }

    @Override
    public Object getPrincipal() {
        return email != null ? email : challenge;
    }

    @Override
    public Object getCredentials() {
        return password != null ? password : code;
    }
}
