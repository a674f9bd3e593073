package dev.firebreak.account;

import dev.firebreak.mention.Mention;
import dev.firebreak.mention.MentionKey;
import dev.firebreak.mention.Platform;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The accounts a team owns, on every platform, each with exactly one owner; immutable, built with
 * {@link #builder()}.
 *
 * <p>It answers three questions from the guides:
 * <ul>
 *   <li>is this the right account, and may this person post on it ({@link #find(String)},
 *       {@link OwnedAccount#mayPost(String)});</li>
 *   <li>where has a brand not registered its name, leaving room for a parody account
 *       ({@link #coverageGaps()});</li>
 *   <li>is this handle imitating one of ours ({@link #lookAlike(String)}, {@link #lookAlikes(Collection)}):
 *       look-alike characters ({@code 0}/{@code o}, {@code 1}/{@code l}/{@code i}, {@code rn}/{@code m}),
 *       separators, added words such as {@code official} or {@code support}, or a letter or two changed
 *       (names of 5 characters or more: one change, 10 or more: two; shorter names would match ordinary
 *       words). The brand's registered handles are never reported.</li>
 * </ul>
 *
 * <pre>{@code
 * AccountRegistry registry = AccountRegistry.builder()
 *         .add(OwnedAccount.of(Platform.TWITTER, "acme", "acme", "alice"))
 *         .add(OwnedAccount.of(Platform.FACEBOOK, "acme", "acme", "carol"))
 *         .build();
 * registry.coverageGaps();         // acme has no instagram account
 * registry.lookAlike("acme_0fficial"); // imitates @acme
 * }</pre>
 */
public final class AccountRegistry {

    /** The platforms where every brand should hold its name: X (Twitter), Facebook, Instagram. */
    public static final Set<Platform> MAJOR_PLATFORMS = Set.of(Platform.TWITTER, Platform.FACEBOOK, Platform.INSTAGRAM);

    /** Words impostors add around a brand's name, compared as skeletons. */
    public static final Set<String> DEFAULT_ADDED_WORDS = Set.of(
            "official", "offical", "real", "the", "its", "support", "help", "helpdesk", "care", "team", "service",
            "services", "customer", "customers", "cs", "hq", "news", "info", "inc", "corp", "global", "app",
            "online", "shop", "store", "deals", "promo", "giveaway", "officiel", "oficial", "ufficiale",
            "offiziell", "kundeservice", "kundesenter", "hjelp", "ayuda", "soporte", "atencion", "sav",
            "serviceclient", "us", "uk", "usa", "fr", "no", "es", "de", "it");

    private static final AccountRegistry EMPTY = new Builder().build();

    private final Map<String, OwnedAccount> accounts;
    private final Map<String, String> brands;
    private final Set<Platform> majorPlatforms;
    private final Set<String> addedWords;
    private final Set<String> handles;
    private final List<Target> targets;
    private final Set<String> addedWordSkeletons;

    private record Target(String skeleton, String plain, String brand, String shown) {
    }

    private AccountRegistry(Builder b) {
        this.accounts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(b.accounts));
        this.brands = java.util.Collections.unmodifiableMap(new TreeMap<>(b.brands));
        this.majorPlatforms = Set.copyOf(b.majorPlatforms);
        this.addedWords = Set.copyOf(b.addedWords);
        Set<String> h = new LinkedHashSet<>();
        List<Target> t = new ArrayList<>();
        for (OwnedAccount a : accounts.values()) {
            h.add(a.handle().toLowerCase(Locale.ROOT));
            t.add(new Target(HandleSkeleton.skeleton(a.handle()), HandleSkeleton.plain(a.handle()), a.brand(),
                    "@" + a.handle()));
        }
        for (String brand : brands.values()) {
            t.add(new Target(HandleSkeleton.skeleton(brand), HandleSkeleton.plain(brand), brand, brand));
        }
        this.handles = Set.copyOf(h);
        this.targets = List.copyOf(t);
        Set<String> ws = new LinkedHashSet<>();
        for (String w : addedWords) {
            ws.add(HandleSkeleton.skeleton(w));
        }
        this.addedWordSkeletons = Set.copyOf(ws);
    }

    /** A registry with no accounts. */
    public static AccountRegistry empty() {
        return EMPTY;
    }

    /** A builder with the default major platforms and added words. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this registry's accounts and settings. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.accounts.putAll(accounts);
        b.brands.putAll(brands);
        b.majorPlatforms.clear();
        b.majorPlatforms.addAll(majorPlatforms);
        b.addedWords.clear();
        b.addedWords.addAll(addedWords);
        return b;
    }

    /** Every registered account, in the order added. */
    public List<OwnedAccount> accounts() {
        return List.copyOf(accounts.values());
    }

    /** Whether no account is registered. */
    public boolean isEmpty() {
        return accounts.isEmpty();
    }

    /** The brands, those declared without accounts included, sorted. */
    public Set<String> brands() {
        return new java.util.TreeSet<>(brands.values());
    }

    /** The registered handles, lower case without {@code @}. */
    public Set<String> handles() {
        return handles;
    }

    /** The platforms {@link #coverageGaps()} checks. */
    public Set<Platform> majorPlatforms() {
        return majorPlatforms;
    }

    /** The account with this handle on this platform. */
    public Optional<OwnedAccount> find(Platform platform, String handle) {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(handle, "handle");
        String h = handle.strip();
        if (h.startsWith("@")) {
            h = h.substring(1);
        }
        return Optional.ofNullable(accounts.get(platform.name() + ":" + h.toLowerCase(Locale.ROOT)));
    }

    /**
     * The accounts an account reference points to: {@code "twitter:acme"} or {@code "twitter:@acme"} names
     * one platform; {@code "@acme"} or {@code "acme"} matches that handle on every platform.
     */
    public List<OwnedAccount> find(String accountRef) {
        Objects.requireNonNull(accountRef, "accountRef");
        String ref = accountRef.strip();
        int colon = ref.indexOf(':');
        if (colon > 0) {
            String platform = ref.substring(0, colon);
            try {
                return find(Platform.of(platform), ref.substring(colon + 1)).map(List::of).orElse(List.of());
            } catch (IllegalArgumentException e) {
                return List.of();
            }
        }
        String h = ref.startsWith("@") ? ref.substring(1) : ref;
        List<OwnedAccount> out = new ArrayList<>();
        for (OwnedAccount a : accounts.values()) {
            if (a.handle().equalsIgnoreCase(h)) {
                out.add(a);
            }
        }
        return out;
    }

    /** The accounts of a brand (case is ignored). */
    public List<OwnedAccount> accountsOf(String brand) {
        List<OwnedAccount> out = new ArrayList<>();
        for (OwnedAccount a : accounts.values()) {
            if (a.brand().equalsIgnoreCase(brand)) {
                out.add(a);
            }
        }
        return out;
    }

    /** Every brand lacking an account on a major platform, sorted by brand. */
    public List<CoverageGap> coverageGaps() {
        List<CoverageGap> out = new ArrayList<>();
        for (String brand : brands()) {
            Set<Platform> missing = new LinkedHashSet<>(majorPlatforms);
            for (OwnedAccount a : accountsOf(brand)) {
                missing.remove(a.platform());
            }
            if (!missing.isEmpty()) {
                out.add(new CoverageGap(brand, missing));
            }
        }
        return out;
    }

    /**
     * Whether a handle imitates one of the brands' handles or names. Registered handles and handles shorter
     * than 3 or longer than 64 characters are never look-alikes.
     */
    public Optional<LookAlike> lookAlike(String handle) {
        Objects.requireNonNull(handle, "handle");
        String h = handle.strip();
        while (h.startsWith("@")) {
            h = h.substring(1);
        }
        h = h.toLowerCase(Locale.ROOT);
        if (h.length() < 3 || h.length() > HandleSkeleton.MAX_LENGTH || handles.contains(h) || targets.isEmpty()) {
            return Optional.empty();
        }
        String sk = HandleSkeleton.skeleton(h);
        String plain = HandleSkeleton.plain(h);
        boolean separators = HandleSkeleton.hasSeparator(h);
        for (Target t : targets) {
            if (t.skeleton().length() >= 3 && sk.equals(t.skeleton())) {
                EnumSet<LookAlike.Reason> r = EnumSet.noneOf(LookAlike.Reason.class);
                if (!plain.equals(t.plain())) {
                    r.add(LookAlike.Reason.HOMOGLYPH);
                }
                if (separators || r.isEmpty()) {
                    r.add(LookAlike.Reason.SEPARATOR);
                }
                return Optional.of(new LookAlike(h, t.brand(), t.shown(), r));
            }
        }
        List<String> cores = HandleSkeleton.withoutAddedWords(sk, addedWordSkeletons);
        for (Target t : targets) {
            if (t.skeleton().length() < 3) {
                continue;
            }
            for (int k = 1; k < cores.size(); k++) {
                if (cores.get(k).equals(t.skeleton())) {
                    EnumSet<LookAlike.Reason> r = EnumSet.of(LookAlike.Reason.ADDED_WORD);
                    if (separators) {
                        r.add(LookAlike.Reason.SEPARATOR);
                    }
                    return Optional.of(new LookAlike(h, t.brand(), t.shown(), r));
                }
            }
        }
        for (Target t : targets) {
            int len = t.skeleton().length();
            if (len < 5) {
                continue;
            }
            int limit = len >= 10 ? 2 : 1;
            for (int k = 0; k < cores.size(); k++) {
                String core = cores.get(k);
                if (HandleSkeleton.distance(core, t.skeleton(), limit) <= limit) {
                    EnumSet<LookAlike.Reason> r = EnumSet.of(LookAlike.Reason.EDIT_DISTANCE);
                    if (k > 0) {
                        r.add(LookAlike.Reason.ADDED_WORD);
                    }
                    return Optional.of(new LookAlike(h, t.brand(), t.shown(), r));
                }
            }
        }
        return Optional.empty();
    }

    /** The mentions whose author's handle imitates one of the brands', by mention, in the order given. */
    public Map<MentionKey, LookAlike> lookAlikes(Collection<Mention> mentions) {
        Map<MentionKey, LookAlike> out = new LinkedHashMap<>();
        for (Mention m : mentions) {
            if (!m.ownedAccount() && !m.author().handle().isEmpty()) {
                lookAlike(m.author().handle()).ifPresent(l -> out.put(m.key(), l));
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return "AccountRegistry[" + accounts.size() + " accounts, brands " + brands() + "]";
    }

    /** Builds an {@link AccountRegistry}; not thread-safe. */
    public static final class Builder {
        private final Map<String, OwnedAccount> accounts = new LinkedHashMap<>();
        private final Map<String, String> brands = new LinkedHashMap<>();
        private final Set<Platform> majorPlatforms = new LinkedHashSet<>(List.of(Platform.TWITTER, Platform.FACEBOOK,
                Platform.INSTAGRAM));
        private final Set<String> addedWords = new LinkedHashSet<>(DEFAULT_ADDED_WORDS);

        private Builder() {
        }

        /**
         * Registers an account. Registering the same account again with the same owner and brand adds its
         * delegates.
         *
         * @throws OwnershipConflictException when the account is registered with another owner or brand
         */
        public Builder add(OwnedAccount account) {
            Objects.requireNonNull(account, "account");
            OwnedAccount existing = accounts.get(account.key());
            if (existing != null) {
                if (!existing.owner().equalsIgnoreCase(account.owner())
                        || !existing.brand().equalsIgnoreCase(account.brand())) {
                    throw new OwnershipConflictException(existing, account);
                }
                Set<String> delegates = new LinkedHashSet<>(existing.delegates());
                delegates.addAll(account.delegates());
                account = new OwnedAccount(existing.platform(), existing.handle(), existing.brand(), existing.owner(),
                        delegates);
            }
            accounts.put(account.key(), account);
            brands.putIfAbsent(account.brand().toLowerCase(Locale.ROOT), account.brand());
            return this;
        }

        /** Declares a brand, so that {@link #coverageGaps()} reports it even with no account at all. */
        public Builder brand(String brand) {
            Objects.requireNonNull(brand, "brand");
            if (brand.isBlank()) {
                throw new IllegalArgumentException("brand must not be blank");
            }
            brands.putIfAbsent(brand.strip().toLowerCase(Locale.ROOT), brand.strip());
            return this;
        }

        /**
         * The platforms every brand should hold an account on; default X (Twitter), Facebook and Instagram.
         *
         * @throws IllegalArgumentException when empty
         */
        public Builder majorPlatforms(Collection<Platform> platforms) {
            Objects.requireNonNull(platforms, "platforms");
            if (platforms.isEmpty()) {
                throw new IllegalArgumentException("majorPlatforms must name at least one platform");
            }
            majorPlatforms.clear();
            for (Platform p : platforms) {
                majorPlatforms.add(Objects.requireNonNull(p, "platform"));
            }
            return this;
        }

        /** Adds words impostors put around a brand's name (for example a product line); see {@link #DEFAULT_ADDED_WORDS}. */
        public Builder addedWords(Collection<String> words) {
            Objects.requireNonNull(words, "words");
            for (String w : words) {
                Objects.requireNonNull(w, "word");
                String s = w.strip().toLowerCase(Locale.ROOT);
                if (s.length() < 2 || s.length() > 30) {
                    throw new IllegalArgumentException("addedWords entries must be 2 to 30 characters, was '" + w + "'");
                }
                addedWords.add(s);
            }
            return this;
        }

        /** The registry. */
        public AccountRegistry build() {
            return new AccountRegistry(this);
        }
    }
}
