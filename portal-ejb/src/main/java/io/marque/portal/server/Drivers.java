package io.marque.portal.server;

import io.marque.portal.platform.SecretKeys;
import io.marque.portal.server.driver.BmcTarget;
import io.marque.portal.server.driver.InfrastructureDriver;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The installed {@link InfrastructureDriver}s by name, and how to reach a server through its own. */
@ApplicationScoped
public class Drivers {

    @Inject
    @Any
    Instance<InfrastructureDriver> installed;

    @Inject
    SecretKeys secrets;

    private final Map<String, InfrastructureDriver> byName = new TreeMap<>();

    @PostConstruct
    void index() {
        installed.forEach(driver -> byName.put(driver.name(), driver));
    }

    public Set<String> names() {
        return byName.keySet();
    }

    public InfrastructureDriver of(Server server) {
        return named(server.getDriver());
    }

    public InfrastructureDriver named(String name) {
        InfrastructureDriver driver = byName.get(name);
        if (driver == null) {
            throw new IllegalStateException("No infrastructure driver " + name);
        }
        return driver;
    }

    /** The server's BMC with its password decrypted, for one call of its driver. */
    public BmcTarget target(Server server) {
        String password = server.getBmcPasswordSealed() == null ? null : secrets.box().decrypt(server.getBmcPasswordSealed());
        return new BmcTarget(server.getId(), server.getBmcHost(), server.getBmcPort(), server.getBmcUser(), password);
    }
}
