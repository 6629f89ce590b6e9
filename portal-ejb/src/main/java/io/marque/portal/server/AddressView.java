package io.marque.portal.server;

import java.io.Serializable;

/** One public address of a server with its reverse DNS name (null while none is set). */
public record AddressView(String address, int family, String ptr) implements Serializable {

    static AddressView of(ServerAddress address) {
        return new AddressView(address.getAddress(), address.getFamily(), address.getPtr());
    }
}
