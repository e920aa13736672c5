package io.parbench.engines.browser.remote;

import com.fasterxml.jackson.databind.JsonNode;
import io.parbench.engines.browser.BrowserKind;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a WebDriver endpoint says of itself (GET /status): a Selenium Grid lists its nodes and
 * each node's slots (the browser a slot offers, its platform, whether a session holds it); a
 * single WebDriver server only says whether it is ready.
 *
 * @param grid whether the endpoint is a Grid (it listed nodes, perhaps none)
 * @param slots every slot of every node, in the Grid's order
 */
public record EndpointStatus(boolean ready, String message, boolean grid, List<Slot> slots) {

    /** The Grid's word for a node that takes sessions. */
    private static final String UP = "UP";

    /**
     * One slot of a Grid node.
     *
     * @param availability the node's: UP, DOWN (it stopped answering) or DRAINING
     * @param browserVersion empty when the slot does not say
     * @param sessionId the session that holds the slot, empty when it is free
     * @param nodeSessions the sessions its node runs (in any of its slots)
     * @param nodeMaxSessions the most its node runs at once, whatever its slots (its {@code
     *     max-sessions}, which defaults to the node's cores); 0 when the Grid does not say
     */
    public record Slot(String node, String availability, String browserName, String browserVersion, String platformName, String sessionId,
            Set<String> nodeSessions, int nodeMaxSessions) {

        public Slot {
            nodeSessions = Set.copyOf(nodeSessions);
        }

        boolean up() {
            return availability.equals(UP);
        }

        /** Whether its node already runs as many sessions as it may: a free slot there takes none. */
        boolean nodeFull() {
            return nodeMaxSessions > 0 && nodeSessions.size() >= nodeMaxSessions;
        }

        /** Whether only the sessions {@code own} keep a new session from this slot: they hold it, or fill its node. */
        boolean heldBy(Set<String> own) {
            return sessionId.isEmpty() ? nodeFull() && own.containsAll(nodeSessions) : own.contains(sessionId);
        }

        boolean offers(BrowserKind kind) {
            return browserName.equalsIgnoreCase(kind.webDriverName());
        }

        /** e.g. "chrome 126 on linux (node http://10.0.0.5:5555, UP, busy)". */
        public String describe() {
            String held = !sessionId.isEmpty() ? ", busy"
                    : nodeFull() ? ", free but its node runs at most " + nodeMaxSessions + " session(s) at once, its max-sessions" : ", free";
            return browserName + (browserVersion.isEmpty() ? "" : " " + browserVersion) + " on " + platformName + " (node " + node
                    + ", " + availability + held + ")";
        }
    }

    public EndpointStatus {
        slots = List.copyOf(slots);
    }

    /** Reads the {@code value} of a GET /status answer. */
    public static EndpointStatus of(JsonNode status) {
        JsonNode nodes = status.path("nodes");
        List<Slot> slots = nodes.valueStream()
                .flatMap(node -> {
                    Set<String> sessions = node.path("slots").valueStream().map(EndpointStatus::sessionId).filter(id -> !id.isEmpty())
                            .collect(Collectors.toSet());
                    return node.path("slots").valueStream().map(slot -> {
                        JsonNode stereotype = slot.path("stereotype");
                        return new Slot(node.path("uri").asText("?"), node.path("availability").asText("?"),
                                stereotype.path("browserName").asText("?"), stereotype.path("browserVersion").asText(""),
                                stereotype.path("platformName").asText("any platform"), sessionId(slot), sessions,
                                node.path("maxSessions").asInt(0));
                    });
                })
                .toList();
        return new EndpointStatus(status.path("ready").asBoolean(false), status.path("message").asText(""), nodes.isArray(), slots);
    }

    private static String sessionId(JsonNode slot) {
        return slot.path("session").path("sessionId").asText("");
    }

    /**
     * Why a Grid cannot give the browser a session now, with what it offers instead; null when it
     * can (or is not a Grid). A Grid queues a request no node can take until its own timeout (5
     * minutes by default), so this is said before asking: no node offers the browser, every node
     * that does is down, or every slot with it is held by {@code ownSessions} (compare holds one
     * session per side), which would wait for themselves, or is free on a node they fill.
     */
    public String whyNot(BrowserKind kind, Set<String> ownSessions) {
        if (!grid) {
            return null;
        }
        List<Slot> offering = slots.stream().filter(slot -> slot.offers(kind)).toList();
        if (offering.isEmpty()) {
            return "no node of the Grid offers " + kind.webDriverName() + (slots.isEmpty() ? " (it has no nodes)" : "; it offers " + describe(slots));
        }
        List<Slot> up = offering.stream().filter(Slot::up).toList();
        if (up.isEmpty()) {
            return "every node of the Grid that offers " + kind.webDriverName() + " is down: " + describe(offering);
        }
        if (up.stream().allMatch(slot -> slot.heldBy(ownSessions))) {
            return "its " + up.size() + " slot(s) with " + kind.webDriverName() + " are held by this run's own sessions (compare with "
                    + "--baseline-capability holds one per side, at once): " + describe(up);
        }
        return null;
    }

    private static String describe(List<Slot> slots) {
        return String.join("; ", slots.stream().map(Slot::describe).toList());
    }
}
