package io.marque.portal.web.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The API's root: every resource and provider of this package is found by scanning. */
@ApplicationPath("/api/v1")
public class ApiApplication extends Application {
}
