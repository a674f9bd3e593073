package dev.firebreak.escalation;

import java.util.Objects;

/**
 * Someone on the emergency contact list of an escalation level, with working contact details
 * distributed to staff in advance.
 *
 * @param name who, for example {@code "Kari Nordmann (on-call PR)"}
 * @param channel how to reach them, for example {@code "phone"}, {@code "email"}, {@code "slack"}
 * @param address the number, address or handle on that channel
 */
public record Contact(String name, String channel, String address) {

    /** Validates that nothing is blank. */
    public Contact {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(address, "address");
        if (name.isBlank()) {
            throw new IllegalArgumentException("contact name must not be blank");
        }
        if (channel.isBlank()) {
            throw new IllegalArgumentException("contact channel must not be blank");
        }
        if (address.isBlank()) {
            throw new IllegalArgumentException("contact address must not be blank");
        }
    }

    /** A contact. */
    public static Contact of(String name, String channel, String address) {
        return new Contact(name, channel, address);
    }
}
