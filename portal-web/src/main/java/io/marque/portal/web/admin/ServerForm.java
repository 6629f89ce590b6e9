package io.marque.portal.web.admin;

import io.marque.portal.platform.InvalidInputException;
import io.marque.portal.server.AddressView;
import io.marque.portal.server.InventoryView;
import io.marque.portal.server.NewServer;
import io.marque.portal.server.ServerRules;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The provider's server form as typed, shared by the add page and the edit form of the detail page.
 * Every field is text, so that a number that is no number becomes a field error beside the others
 * rather than a converter message: the cost is read exactly as a {@link BigDecimal} (a decimal comma
 * is accepted), and the addresses are separated by spaces, commas or new lines.
 */
public class ServerForm implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The IPMI-over-LAN port, the BMC port a server has unless the form says otherwise. */
    static final String DEFAULT_BMC_PORT = "623";

    private static final Pattern DECIMAL = Pattern.compile("[0-9]{1,20}([.,][0-9]{1,20})?");
    private static final Pattern WHOLE = Pattern.compile("[0-9]{1,9}");

    private String hostname;
    private String cpu;
    private String ramGb;
    private String disks;
    private String ipv4;
    private String ipv6;
    private String location;
    private String os;
    private String driver = "simulated";
    private String rack;
    private String bmcHost;
    private String bmcPort = DEFAULT_BMC_PORT;
    private String bmcUser;
    private String bmcPassword;
    private String upstreamId;
    private String monthlyCost;
    private String costCurrency = "EUR";

    /** The form filled with a server's data, for editing; the BMC password stays blank (kept unless typed). */
    static ServerForm of(InventoryView s) {
        ServerForm form = new ServerForm();
        form.hostname = s.hostname();
        form.cpu = s.cpu();
        form.ramGb = String.valueOf(s.ramGb());
        form.disks = s.disks();
        form.ipv4 = addresses(s.addresses(), 4);
        form.ipv6 = addresses(s.addresses(), 6);
        form.location = s.location();
        form.os = s.os();
        form.driver = s.driver();
        form.rack = s.rack();
        form.bmcHost = s.bmcHost();
        form.bmcPort = String.valueOf(s.bmcPort());
        form.bmcUser = s.bmcUser();
        form.upstreamId = s.upstreamId();
        form.monthlyCost = s.monthlyCost() == null ? null : s.monthlyCost().toPlainString();
        form.costCurrency = s.costCurrency() == null ? "EUR" : s.costCurrency();
        return form;
    }

    /**
     * The request for the inventory service. Numbers that do not parse are refused here, together with
     * whatever else the inventory's rules find wrong, so the reader sees every problem at once.
     *
     * @throws InvalidInputException field → message key
     */
    NewServer request() {
        Map<String, String> problems = new LinkedHashMap<>();
        BigDecimal cost = null;
        if (monthlyCost != null && !monthlyCost.isBlank()) {
            String text = monthlyCost.strip();
            if (DECIMAL.matcher(text).matches()) {
                cost = new BigDecimal(text.replace(',', '.'));
            } else {
                problems.put("monthlyCost", "server.import.invalid-cost");
            }
        }
        // a number that does not parse becomes 0, which the inventory's rules refuse with their own message
        NewServer request = new NewServer(hostname, cpu, whole(ramGb, "0"), disks, list(ipv4), list(ipv6), location,
                os, driver, rack, bmcHost, whole(bmcPort, DEFAULT_BMC_PORT), bmcUser, bmcPassword, upstreamId, cost,
                costCurrency);
        if (!problems.isEmpty()) {
            try {
                ServerRules.checked(request, false);
            } catch (InvalidInputException others) {
                others.problems().forEach(problems::putIfAbsent);
            }
            throw new InvalidInputException(problems);
        }
        return request;
    }

    /** The installed drivers to choose from, and the server's own where it names one not installed here. */
    List<String> drivers(java.util.Set<String> installed) {
        List<String> names = new java.util.ArrayList<>(installed);
        if (driver != null && !driver.isBlank() && !names.contains(driver)) {
            names.add(driver);
        }
        return names;
    }

    private static int whole(String text, String blank) {
        String value = text == null || text.isBlank() ? blank : text.strip();
        return WHOLE.matcher(value).matches() ? Integer.parseInt(value) : 0;
    }

    /** Addresses as typed: separated by white space or commas. */
    static List<String> list(String text) {
        return text == null ? List.of()
                : Arrays.stream(text.split("[\\s,]+")).filter(a -> !a.isEmpty()).toList();
    }

    private static String addresses(List<AddressView> addresses, int family) {
        return addresses.stream().filter(a -> a.family() == family).map(AddressView::address)
                .collect(Collectors.joining("\n"));
    }

    public String getHostname() { return hostname; }
    public void setHostname(String hostname) { this.hostname = hostname; }
    public String getCpu() { return cpu; }
    public void setCpu(String cpu) { this.cpu = cpu; }
    public String getRamGb() { return ramGb; }
    public void setRamGb(String ramGb) { this.ramGb = ramGb; }
    public String getDisks() { return disks; }
    public void setDisks(String disks) { this.disks = disks; }
    public String getIpv4() { return ipv4; }
    public void setIpv4(String ipv4) { this.ipv4 = ipv4; }
    public String getIpv6() { return ipv6; }
    public void setIpv6(String ipv6) { this.ipv6 = ipv6; }
    public String getLocation() { return location; }
    public void setLocation(String location) { this.location = location; }
    public String getOs() { return os; }
    public void setOs(String os) { this.os = os; }
    public String getDriver() { return driver; }
    public void setDriver(String driver) { this.driver = driver; }
    public String getRack() { return rack; }
    public void setRack(String rack) { this.rack = rack; }
    public String getBmcHost() { return bmcHost; }
    public void setBmcHost(String bmcHost) { this.bmcHost = bmcHost; }
    public String getBmcPort() { return bmcPort; }
    public void setBmcPort(String bmcPort) { this.bmcPort = bmcPort; }
    public String getBmcUser() { return bmcUser; }
    public void setBmcUser(String bmcUser) { this.bmcUser = bmcUser; }
    public String getBmcPassword() { return bmcPassword; }
    public void setBmcPassword(String bmcPassword) { this.bmcPassword = bmcPassword; }
    public String getUpstreamId() { return upstreamId; }
    public void setUpstreamId(String upstreamId) { this.upstreamId = upstreamId; }
    public String getMonthlyCost() { return monthlyCost; }
    public void setMonthlyCost(String monthlyCost) { this.monthlyCost = monthlyCost; }
    public String getCostCurrency() { return costCurrency; }
    public void setCostCurrency(String costCurrency) { this.costCurrency = costCurrency; }
}
