package io.marque.portal.web.account;

import io.marque.portal.identity.Role;
import io.marque.portal.identity.StaffService;
import io.marque.portal.identity.UserView;
import io.marque.portal.web.Feedback;
import io.marque.portal.web.security.CurrentUser;
import io.marque.portal.web.theme.Ui;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** The staff page of a reseller admin or the provider admin: list, invite, enable, disable, change role. */
@Named
@ViewScoped
public class StaffAdmin implements java.io.Serializable {

    @Inject
    StaffService staff;

    @Inject
    CurrentUser me;

    @Inject
    Feedback feedback;

    @Inject
    Ui ui;

    private List<UserView> users;
    private String email;
    private String name;
    private Role role;

    public List<UserView> getUsers() {
        if (users == null) {
            users = staff.list(me.actor());
        }
        return users;
    }

    public List<Role> getRoles() {
        return staff.allowedRoles(me.actor()).stream().sorted().toList();
    }

    public String invite() {
        return feedback.act(() -> staff.invite(me.actor(), email, name, role, ui.getLocale()), "staff.invited");
    }

    public String setEnabled(long userId, boolean enabled) {
        return feedback.act(() -> staff.setEnabled(me.actor(), userId, enabled),
                enabled ? "staff.enabled" : "staff.disabled");
    }

    public String changeRole(long userId, Role newRole) {
        return feedback.act(() -> staff.changeRole(me.actor(), userId, newRole), "staff.roleChanged");
    }

    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public Role getRole() { return role; }
    public void setRole(Role role) { this.role = role; }
}
