package io.marque.portal.ticket;

import java.io.Serializable;

/** A department as pages show it. */
public record DepartmentView(long id, String name, boolean active) implements Serializable {

    static DepartmentView of(Department department) {
        return new DepartmentView(department.getId(), department.getName(), department.isActive());
    }
}
