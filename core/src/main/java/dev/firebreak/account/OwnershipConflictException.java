package dev.firebreak.account;

import java.util.Objects;

/**
 * Thrown when an account is registered a second time with another owner or for another brand: an
 * account has exactly one owner.
 */
public final class OwnershipConflictException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final transient OwnedAccount registered;
    private final transient OwnedAccount attempted;

    /** A conflict between the account already registered and the one being added. */
    public OwnershipConflictException(OwnedAccount registered, OwnedAccount attempted) {
        super(message(Objects.requireNonNull(registered, "registered"), Objects.requireNonNull(attempted, "attempted")));
        this.registered = registered;
        this.attempted = attempted;
    }

    private static String message(OwnedAccount registered, OwnedAccount attempted) {
        if (!registered.owner().equalsIgnoreCase(attempted.owner())) {
            return "account " + registered.key() + " already has an owner, '" + registered.owner()
                    + "'; an account has exactly one owner, so '" + attempted.owner()
                    + "' cannot be registered as a second one (add them as a delegate instead)";
        }
        return "account " + registered.key() + " is already registered for brand '" + registered.brand()
                + "', not '" + attempted.brand() + "'";
    }

    /** The account as already registered. */
    public OwnedAccount registered() {
        return registered;
    }

    /** The registration that was refused. */
    public OwnedAccount attempted() {
        return attempted;
    }
}
