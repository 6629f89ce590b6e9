package io.marque.portal.it;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.JavaArchive;

/**
 * The deployment every integration test uses: the real EAR the build produced, plus (for tests that
 * run inside the server) a library jar with the test classes and their fixtures.
 */
public final class Deployments {

    private Deployments() {
    }

    /** The EAR as built, for tests that act as a browser or HTTP client. */
    public static EnterpriseArchive ear() {
        return ShrinkWrap.create(ZipImporter.class, "marque.ear")
                .importFrom(new File(System.getProperty("marque.ear", "target/marque.ear")))
                .as(EnterpriseArchive.class);
    }

    /** The EAR with the given test classes and the fixtures in {@code lib/}, for in-server tests. */
    public static EnterpriseArchive earWith(Class<?>... testClasses) {
        JavaArchive tests = ShrinkWrap.create(JavaArchive.class, "marque-it.jar")
                .addClasses(testClasses)
                .addClasses(Fixtures.class, Fixtures.Reseller.class, Deployments.class)
                .addAsManifestResource(EmptyAsset.INSTANCE, "beans.xml");
        return ear().addAsLibrary(tests);
    }
}
