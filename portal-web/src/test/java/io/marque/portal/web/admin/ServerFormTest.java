package io.marque.portal.web.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.marque.portal.platform.InvalidInputException;
import io.marque.portal.server.AddressView;
import io.marque.portal.server.InventoryView;
import io.marque.portal.server.NewServer;
import io.marque.portal.server.ServerStatus;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ServerFormTest {

    private static ServerForm filled() {
        ServerForm form = new ServerForm();
        form.setHostname("fra-042.example.net");
        form.setCpu("Intel Xeon E-2388G, 8 cores");
        form.setRamGb("64");
        form.setDisks("2 × 960 GB NVMe");
        form.setIpv4("198.51.100.42 198.51.100.43\n198.51.100.44");
        form.setIpv6("2001:db8:42::1");
        form.setLocation("Frankfurt");
        form.setOs("Debian 12");
        form.setMonthlyCost("41.50");
        return form;
    }

    @Test
    void theCostIsReadExactly() {
        NewServer request = filled().request();
        assertEquals(new BigDecimal("41.50"), request.monthlyCost());
        assertEquals(2, request.monthlyCost().scale(), "not rounded, not through a double");
        ServerForm comma = filled();
        comma.setMonthlyCost(" 0,1 ");
        assertEquals(new BigDecimal("0.1"), comma.request().monthlyCost(), "a decimal comma is a decimal mark");
        ServerForm blank = filled();
        blank.setMonthlyCost(" ");
        assertNull(blank.request().monthlyCost(), "no cost is no cost, not zero");
    }

    @Test
    void aCostThatIsNoNumberIsAFieldErrorBesideTheOthers() {
        ServerForm form = filled();
        form.setMonthlyCost("about 40");
        form.setRamGb("lots");
        form.setBmcPort("x");
        InvalidInputException refused = assertThrows(InvalidInputException.class, form::request);
        Map<String, String> problems = refused.problems();
        assertEquals("server.import.invalid-cost", problems.get("monthlyCost"));
        assertEquals("server.import.invalid-ram", problems.get("ramGb"));
        assertEquals("server.import.invalid-port", problems.get("bmcPort"));
        form.setMonthlyCost("1e3");
        assertEquals("server.import.invalid-cost", assertThrows(InvalidInputException.class, form::request)
                .problems().get("monthlyCost"), "no exponents: what is typed is what is stored");
    }

    @Test
    void addressesAreSeparatedBySpacesCommasOrLines() {
        NewServer request = filled().request();
        assertEquals(List.of("198.51.100.42", "198.51.100.43", "198.51.100.44"), request.ipv4());
        assertEquals(List.of("a", "b", "c"), ServerForm.list(" a,b\n\tc \r\n"));
        assertEquals(List.of(), ServerForm.list("  "));
    }

    @Test
    void editingStartsFromTheServerAndKeepsThePasswordBlank() {
        InventoryView server = new InventoryView(7, "pool-01.fra.example", "4 vCPU", 8, "160 GB SSD", "Frankfurt",
                "Debian 12", "ipmi", "FRA1-R12-U07", "10.20.0.7", 623, "ops", true, "NW-FRA1-4107",
                new BigDecimal("41.50"), "EUR", null, null, false, ServerStatus.ACTIVE, null, null, "ON", null, null,
                List.of(new AddressView("203.0.113.7", 4, null), new AddressView("2001:db8:10::7", 6, "x.example"),
                        new AddressView("203.0.113.8", 4, null)), null, null);
        ServerForm form = ServerForm.of(server);
        assertEquals("203.0.113.7\n203.0.113.8", form.getIpv4());
        assertEquals("2001:db8:10::7", form.getIpv6());
        assertEquals("41.50", form.getMonthlyCost());
        assertEquals("623", form.getBmcPort());
        assertNull(form.getBmcPassword());
        assertEquals(List.of("simulated", "ipmi"), form.drivers(Set.of("simulated")), "its own driver stays choosable");
    }

    @Test
    void deadlineHoursThatAreNoNumberBecomeZero() {
        assertEquals(48, InventoryServer.hours(" 48 "));
        assertEquals(0, InventoryServer.hours("two days"));
        assertEquals(0, InventoryServer.hours(null));
    }

    @Test
    void anIfIndexThatIsNoNumberOrTooLargeBecomesZero() {
        assertEquals(17, InventoryServer.ifIndex(" 17 "));
        assertEquals(2147483647, InventoryServer.ifIndex("2147483647"));
        assertEquals(0, InventoryServer.ifIndex("2147483648"));
        assertEquals(0, InventoryServer.ifIndex("Gi0/17"));
        assertEquals(0, InventoryServer.ifIndex(null));
    }
}
