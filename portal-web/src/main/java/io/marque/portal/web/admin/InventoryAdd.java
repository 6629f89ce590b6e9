package io.marque.portal.web.admin;

import io.marque.portal.platform.InvalidInputException;
import io.marque.portal.server.ServerInventory;
import io.marque.portal.web.Feedback;
import io.marque.portal.web.security.CurrentUser;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** The provider admin adds one server to the inventory by hand; it starts in the pool. */
@Named("inventoryAdd")
@RequestScoped
public class InventoryAdd {

    @Inject
    ServerInventory inventory;

    @Inject
    CurrentUser me;

    @Inject
    Feedback feedback;

    private final ServerForm form = new ServerForm();

    public String add() {
        try {
            long id = inventory.add(me.actor(), form.request());
            feedback.info("inventory.added");
            return "/admin/server?faces-redirect=true&id=" + id;
        } catch (InvalidInputException e) {
            feedback.refused(e);
            return null;
        }
    }

    public List<String> getDrivers() {
        return form.drivers(inventory.driverNames());
    }

    public ServerForm getForm() {
        return form;
    }
}
