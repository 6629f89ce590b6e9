package io.marque.portal.identity;

import java.time.Instant;

/** A customer as the reseller's customer list shows it. */
public record CustomerView(long id, String name, String company, String email, CustomerStatus status,
        Instant createdAt) implements java.io.Serializable {

    static CustomerView of(Customer c) {
        return new CustomerView(c.getId(), c.getName(), c.getCompany(), c.getEmail(), c.getStatus(), c.getCreatedAt());
    }
}
