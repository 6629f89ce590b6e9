package io.marque.portal.web.customer;

import io.marque.portal.web.server.ServerPage;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

/**
 * One of the customer's servers ({@code /customer/server?id=N}): what it is, its power, reinstall,
 * reverse DNS, jobs and traffic, in the reseller's brand. Another customer's server id shows the site's
 * 404. Everything is in {@link ServerPage}; the customer's view of a server has no reseller fields.
 */
@Named
@RequestScoped
public class CustomerServer extends ServerPage {

    @Override
    public String getPath() {
        return "/customer/server";
    }
}
