package dev.firebreak.account;

import dev.firebreak.mention.Platform;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * One account a brand owns on one platform, with the one person responsible for it.
 *
 * <p>The guides are firm: every page and account of the brand has one owner, and nobody posts
 * "willy-nilly". {@code delegates} are the people the owner lets post on the account (a small team
 * sharing a page); everyone else is refused by the pre-publish check.
 *
 * @param platform where the account lives
 * @param handle the account's handle or page name, without {@code @}; compared without regard to case
 * @param brand the brand it speaks for
 * @param owner who is responsible for it (a name, an e-mail or a user id, as the team chooses)
 * @param delegates others allowed to post on it, possibly none
 */
public record OwnedAccount(Platform platform, String handle, String brand, String owner, Set<String> delegates) {

    /** Validates: nothing blank, the handle without spaces and at most 64 characters; copies delegates. */
    public OwnedAccount {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(handle, "handle");
        Objects.requireNonNull(brand, "brand");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(delegates, "delegates");
        handle = handle.strip();
        if (handle.startsWith("@")) {
            handle = handle.substring(1);
        }
        if (handle.isEmpty() || handle.length() > 64 || handle.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("handle must be 1 to 64 characters without spaces, was '"
                    + abbreviate(handle) + "'");
        }
        if (brand.isBlank()) {
            throw new IllegalArgumentException("brand must not be blank");
        }
        if (owner.isBlank()) {
            throw new IllegalArgumentException("owner of " + platform + ":" + handle + " must not be blank");
        }
        TreeSet<String> d = new TreeSet<>();
        for (String p : delegates) {
            Objects.requireNonNull(p, "delegate");
            if (p.isBlank()) {
                throw new IllegalArgumentException("delegates of " + platform + ":" + handle + " must not be blank");
            }
            d.add(p.strip());
        }
        delegates = Set.copyOf(d);
        brand = brand.strip();
        owner = owner.strip();
    }

    /** An account with an owner and no delegates. */
    public static OwnedAccount of(Platform platform, String handle, String brand, String owner) {
        return new OwnedAccount(platform, handle, brand, owner, Set.of());
    }

    /** {@code platform:handle} in lower case: what identifies the account in a registry. */
    public String key() {
        return platform.name() + ":" + handle.toLowerCase(Locale.ROOT);
    }

    /** Whether this person may post on the account: the owner or a delegate (case is ignored). */
    public boolean mayPost(String person) {
        String p = person.strip();
        if (owner.equalsIgnoreCase(p)) {
            return true;
        }
        for (String d : delegates) {
            if (d.equalsIgnoreCase(p)) {
                return true;
            }
        }
        return false;
    }

    static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }

    @Override
    public String toString() {
        return platform + ":@" + handle + " (brand " + brand + ", owner " + owner + ")";
    }
}
