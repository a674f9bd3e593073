package dev.firebreak.escalation;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A role on the escalation ladder or the owner of a plan step: an open value, the constants are the
 * default ladder (customer service, manager, communications/PR, executive).
 *
 * @param name a snake_case name, 1 to 40 characters of a-z, 0-9 and {@code _}
 */
public record Role(String name) {
    private static final Pattern NAME = Pattern.compile("[a-z0-9_]{1,40}");


    /** Customer-service agent: the standard response, the low end of the ladder. */
    public static final Role CUSTOMER_SERVICE = new Role("customer_service");
    /** A manager, as the problem grows. */
    public static final Role MANAGER = new Role("manager");
    /** Communications / PR lead, once it is a crisis. */
    public static final Role COMMUNICATIONS = new Role("communications");
    /** Executives, as the crisis intensifies. */
    public static final Role EXECUTIVE = new Role("executive");


    /** Validates the name. */
    public Role {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("role name must be 1 to 40 characters of a-z, 0-9 or '_', was '"
                    + name + "'");
        }
    }

    /** The role with this name; default roles return their constant. */
    public static Role of(String name) {
        switch (name) {
            case "customer_service": return CUSTOMER_SERVICE;
            case "manager": return MANAGER;
            case "communications": return COMMUNICATIONS;
            case "executive": return EXECUTIVE;
            default: return new Role(name);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
