package dev.firebreak.engine;

import dev.firebreak.classify.Language;
import dev.firebreak.mention.Author;
import dev.firebreak.mention.Platform;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A brand the engine watches.
 *
 * <p>A mention is taken for a brand when its {@code brand} field names it, when it is posted by one of
 * the brand's own accounts, or when its text contains one of the brand's handles ({@code @kestrel} or
 * {@code kestrel}) or keywords as whole words, in any case. A match on a keyword alone is kept only
 * when the mention's language is undetermined or one of {@link #languages()} (when that set is not
 * empty): brand names are often ordinary words in other languages.
 *
 * @param name the brand's key: 1 to 40 characters of a-z, 0-9, {@code _} and {@code -} (lower-cased)
 * @param handles the brand's handles on any platform, without {@code @}, lower-cased
 * @param keywords words or phrases that name the brand, lower-cased
 * @param languages the languages watched for keyword matches; empty for all
 * @param ownedAccounts the brand's own accounts per platform (handles or ids, lower-cased): their posts
 *     are the brand speaking, their replies inside an incident are its public response
 */
public record Brand(String name, Set<String> handles, List<String> keywords, Set<Language> languages,
        Map<Platform, Set<String>> ownedAccounts) {

    private static final Pattern NAME = Pattern.compile("[a-z0-9_-]{1,40}");

    /** Validates, normalises and copies. */
    public Brand {
        Objects.requireNonNull(name, "name");
        name = name.strip().toLowerCase(Locale.ROOT);
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("brand name must be 1 to 40 characters of a-z, 0-9, '_' or '-', was '"
                    + (name.length() > 40 ? name.substring(0, 40) + "..." : name) + "'");
        }
        Set<String> h = new LinkedHashSet<>();
        for (String s : handles) {
            String v = normalise("handles[]", s);
            h.add(v.startsWith("@") ? v.substring(1) : v);
        }
        handles = Set.copyOf(h);
        List<String> k = new ArrayList<>();
        for (String s : keywords) {
            String v = normalise("keywords[]", s).replaceAll("\\s+", " ");
            if (!k.contains(v)) {
                k.add(v);
            }
        }
        keywords = List.copyOf(k);
        languages = Set.copyOf(languages);
        Map<Platform, Set<String>> owned = new LinkedHashMap<>();
        for (Map.Entry<Platform, Set<String>> e : ownedAccounts.entrySet()) {
            Set<String> accounts = new LinkedHashSet<>();
            for (String s : e.getValue()) {
                String v = normalise("ownedAccounts[]", s);
                accounts.add(v.startsWith("@") ? v.substring(1) : v);
            }
            owned.put(Objects.requireNonNull(e.getKey(), "ownedAccounts platform"), Set.copyOf(accounts));
        }
        ownedAccounts = Map.copyOf(owned);
    }

    private static String normalise(String field, String s) {
        Objects.requireNonNull(s, field);
        String v = s.strip().toLowerCase(Locale.ROOT);
        if (v.isEmpty() || v.equals("@")) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
        if (v.length() > 100) {
            throw new IllegalArgumentException(field + " must be at most 100 characters, was " + v.length());
        }
        return v;
    }

    /** A builder for a brand with this name. */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** Whether this account (handle or id) on this platform is one of the brand's own. */
    public boolean owns(Platform platform, String handleOrId) {
        Set<String> accounts = ownedAccounts.get(platform);
        return accounts != null && !handleOrId.isEmpty() && accounts.contains(handleOrId.toLowerCase(Locale.ROOT));
    }

    /** {@code owns(platform, author.handle()) || owns(platform, author.id())}, with one lookup of the platform. */
    boolean ownsAuthor(Platform platform, Author author) {
        if (ownedAccounts.isEmpty()) {
            return false;
        }
        Set<String> accounts = ownedAccounts.get(platform);
        if (accounts == null) {
            return false;
        }
        String handle = author.handle();
        String id = author.id();
        return !handle.isEmpty() && accounts.contains(handle.toLowerCase(Locale.ROOT))
                || !id.isEmpty() && accounts.contains(id.toLowerCase(Locale.ROOT));
    }

    /** Builds a {@link Brand}. */
    public static final class Builder {
        private final String name;
        private final Set<String> handles = new LinkedHashSet<>();
        private final List<String> keywords = new ArrayList<>();
        private final Set<Language> languages = new LinkedHashSet<>();
        private final Map<Platform, Set<String>> owned = new LinkedHashMap<>();

        private Builder(String name) {
            this.name = Objects.requireNonNull(name, "name");
        }

        /** Handles that name the brand in text, with or without {@code @}. */
        public Builder handles(String... handles) {
            this.handles.addAll(List.of(handles));
            return this;
        }

        /** Words or phrases that name the brand. */
        public Builder keywords(String... keywords) {
            this.keywords.addAll(List.of(keywords));
            return this;
        }

        /** Languages watched for keyword matches, as codes ({@code "en"}, {@code "nb"}). */
        public Builder languages(String... codes) {
            for (String c : codes) {
                languages.add(Language.of(c));
            }
            return this;
        }

        /** One of the brand's own accounts: its handle (or id) is also a handle that names the brand. */
        public Builder ownedAccount(Platform platform, String handleOrId) {
            owned.computeIfAbsent(Objects.requireNonNull(platform, "platform"), p -> new LinkedHashSet<>())
                    .add(Objects.requireNonNull(handleOrId, "handleOrId"));
            return this;
        }

        public Brand build() {
            return new Brand(name, handles, keywords, languages, owned);
        }
    }
}
