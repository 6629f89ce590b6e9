package io.marque.portal.domains.acme;

import java.io.IOException;
import java.net.http.HttpClient;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.shredzone.acme4j.connector.NetworkSettings;
import org.shredzone.acme4j.provider.GenericAcmeProvider;

/**
 * acme4j's provider for any {@code https://…/directory} URL, with one HTTP client for all sessions of an
 * {@link AcmeIssuer}, which trusts either the JDK's default CAs or only the certificates given as PEM.
 *
 * <p>acme4j 4 builds its {@link HttpClient} in {@code AcmeProvider.createHttpClient(NetworkSettings)}
 * (the Pebble provider overrides it the same way to trust Pebble's test CA); a {@code Session} made with
 * this provider uses what it returns. The client is given to the session, not put in a JVM-wide trust
 * store, so trusting a private CA for the ACME directory changes nothing else in the server.
 */
final class TrustingAcmeProvider extends GenericAcmeProvider {

    private final HttpClient client;

    /**
     * @param trustPem CA or server certificates to trust for the directory's HTTPS, PEM; {@code null}
     *                 for the JDK's default trust store
     * @param timeout  for connecting (acme4j bounds each request by the session's timeout as well)
     * @throws IllegalArgumentException when {@code trustPem} holds no certificate
     */
    TrustingAcmeProvider(String trustPem, Duration timeout) {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(timeout);
        if (trustPem != null) {
            builder.sslContext(trusting(trustPem));
        }
        client = builder.build();
    }

    @Override
    public HttpClient createHttpClient(NetworkSettings settings) {
        return client;
    }

    private static SSLContext trusting(String pem) {
        try {
            List<X509Certificate> certificates = Pems.certificatesFromPem(pem);
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            for (int i = 0; i < certificates.size(); i++) {
                store.setCertificateEntry("trusted-" + i, certificates.get(i));
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException e) {
            throw new IllegalArgumentException("The ACME CA certificates to trust are not PEM certificates: "
                    + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JDK cannot build a TLS context", e);
        }
    }
}
