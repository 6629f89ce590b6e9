package io.marque.portal.web.api;

import io.marque.portal.api.ApiScope;
import io.marque.portal.ticket.DepartmentView;
import io.marque.portal.ticket.ResellerDesk;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** The reseller's ticket departments, whose ids a new ticket names. */
@Path("/departments")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class DepartmentsResource {

    @Inject
    ResellerDesk desk;

    @Inject
    ApiRequest current;

    /** A department: its id, name and whether new tickets may be filed under it. */
    public record Department(long id, String name, boolean active) {
    }

    @GET
    @RequiresScope(ApiScope.TICKETS_READ)
    public List<Department> list() {
        return desk.departments(current.actor()).stream().map(DepartmentsResource::of).toList();
    }

    static Department of(DepartmentView view) {
        return new Department(view.id(), view.name(), view.active());
    }
}
