package io.marque.portal.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Brings the schema up to date before anything else touches the database: Flyway owns the schema
 * on H2 and PostgreSQL alike, and EclipseLink only maps it. {@code db/migration} holds what both
 * databases run; {@code db/vendor/postgresql} adds what only PostgreSQL has (full-text search).
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaMigration {

    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

    @Resource(lookup = "java:jboss/datasources/MarqueDS")
    private DataSource dataSource;

    private boolean postgreSql;

    @PostConstruct
    void migrate() {
        postgreSql = isPostgreSql();
        List<String> locations = new ArrayList<>(List.of("classpath:db/migration"));
        if (postgreSql) {
            locations.add("classpath:db/vendor/postgresql");
        }
        var result = Flyway.configure(SchemaMigration.class.getClassLoader())
                .dataSource(dataSource)
                .locations(locations.toArray(String[]::new))
                .load()
                .migrate();
        LOG.info(() -> "Schema at version " + result.targetSchemaVersion + " (" + result.migrationsExecuted
                + " migrations applied)");
    }

    /** Whether the database is PostgreSQL (else the embedded H2): some queries use its full-text search. */
    @Lock(LockType.READ)
    public boolean postgreSql() {
        return postgreSql;
    }

    private boolean isPostgreSql() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
        } catch (SQLException e) {
            throw new IllegalStateException("The database cannot be reached", e);
        }
    }
}
