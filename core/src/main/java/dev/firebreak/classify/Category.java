package dev.firebreak.classify;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a mention is about, as a customer-service team sorts it. An open value: the constants are the
 * categories the built-in classifier knows, and a user's classifier may add its own
 * ({@code Category.of("warranty")}).
 *
 * @param id a snake_case identifier, 1 to 40 characters of a-z, 0-9 and {@code _}
 */
public record Category(String id) {
    private static final Pattern ID = Pattern.compile("[a-z0-9_]{1,40}");


    /** Delivery and shipping: late, lost, damaged in transit. */
    public static final Category DELIVERY = new Category("delivery");
    /** Product defect or quality: broken, faulty, poor quality. */
    public static final Category PRODUCT_QUALITY = new Category("product_quality");
    /** Customer service: ignored, rude or slow support. */
    public static final Category CUSTOMER_SERVICE = new Category("customer_service");
    /** Billing, pricing and refunds: overcharged, refund refused, price hikes. */
    public static final Category BILLING = new Category("billing");
    /** Outage or technical failure: down, crashing, cannot log in. */
    public static final Category OUTAGE = new Category("outage");
    /** Safety and health: injury, food poisoning, recalls, fire. */
    public static final Category SAFETY = new Category("safety");
    /** Discrimination or harassment by staff, in a store or online. */
    public static final Category DISCRIMINATION = new Category("discrimination");
    /** Offensive or tone-deaf content published by the brand itself. */
    public static final Category OFFENSIVE_CONTENT = new Category("offensive_content");
    /** Privacy and data: leaks, breaches, misuse of personal data. */
    public static final Category PRIVACY = new Category("privacy");
    /** Legal threats: lawsuits, lawyers, regulators. */
    public static final Category LEGAL = new Category("legal");
    /** Boycott or churn calls: cancelling, uninstalling, switching to a competitor. */
    public static final Category BOYCOTT = new Category("boycott");

    /** The categories the built-in classifier knows, in declaration order. */
    public static final List<Category> BUILT_IN = List.of(DELIVERY, PRODUCT_QUALITY, CUSTOMER_SERVICE, BILLING,
            OUTAGE, SAFETY, DISCRIMINATION, OFFENSIVE_CONTENT, PRIVACY, LEGAL, BOYCOTT);


    /** Validates the id. */
    public Category {
        Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("category id must be 1 to 40 characters of a-z, 0-9 or '_', was '"
                    + (id.length() > 40 ? id.substring(0, 40) + "..." : id) + "'");
        }
    }

    /** The category with this id; built-in ids return their constant. */
    public static Category of(String id) {
        for (Category c : BUILT_IN) {
            if (c.id.equals(id)) {
                return c;
            }
        }
        return new Category(id);
    }

    /**
     * Whether a mention in this category touches a larger audience by nature (safety, discrimination,
     * offensive brand content, legal): such a category alone can make an incident a crisis.
     */
    public boolean isSensitive() {
        return this.equals(SAFETY) || this.equals(DISCRIMINATION) || this.equals(OFFENSIVE_CONTENT)
                || this.equals(LEGAL);
    }

    @Override
    public String toString() {
        return id;
    }
}
