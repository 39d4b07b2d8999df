package org.hotline.auth;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The demo clients of the dev stack. Every client's secret is {@code <client-id>-secret}, so that scripts can get
 * any token; nothing but the dev stack trusts this server.
 *
 * @param clients client id → its roles (and department, for department clients)
 * @param departments the department codes that get a {@code dept-<code>} client with the DEPARTMENT role, e.g.
 *        {@code dept-water-bureau} for {@code WATER_BUREAU}
 */
@ConfigurationProperties("hotline.auth")
public record DemoClients(Map<String, Client> clients, List<String> departments) {

    /** One client's claims. */
    public record Client(List<String> roles, String department) {

        public Client {
            roles = roles == null ? List.of() : List.copyOf(roles);
        }
    }

    /** A client as registered: its id and the claims its tokens carry. */
    public record Registered(String clientId, List<String> roles, String department) {

        public String secret() {
            return clientId + "-secret";
        }
    }

    public DemoClients {
        clients = clients == null ? Map.of() : Map.copyOf(clients);
        departments = departments == null ? List.of() : List.copyOf(departments);
    }

    /** The id of a department's client: {@code WATER_BUREAU} → {@code dept-water-bureau}. */
    public static String departmentClientId(String departmentCode) {
        return "dept-" + departmentCode.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Every client, the configured ones first, then one per department. */
    public List<Registered> all() {
        List<Registered> all = new ArrayList<>();
        clients.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> all.add(new Registered(e.getKey(), e.getValue().roles(), e.getValue().department())));
        departments.forEach(code -> all.add(new Registered(departmentClientId(code), List.of("DEPARTMENT"), code)));
        return all;
    }
}
