package dev.firebreak.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.mention.Author;
import dev.firebreak.mention.Mention;
import dev.firebreak.mention.MentionKey;
import dev.firebreak.mention.Platform;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AccountRegistryTest {

    private static final AccountRegistry REGISTRY = AccountRegistry.builder()
            .add(new OwnedAccount(Platform.TWITTER, "@Acme", "acme", "alice", Set.of("ben")))
            .add(OwnedAccount.of(Platform.TWITTER, "AcmeHelp", "acme", "tom"))
            .add(OwnedAccount.of(Platform.FACEBOOK, "acme", "acme", "carol"))
            .add(OwnedAccount.of(Platform.TWITTER, "brightbean", "brightbean", "sam"))
            .add(OwnedAccount.of(Platform.INSTAGRAM, "brightbean", "brightbean", "sam"))
            .add(OwnedAccount.of(Platform.FACEBOOK, "brightbean", "brightbean", "sam"))
            .brand("nordlys")
            .build();

    @Test
    void anAccountHasExactlyOneOwner() {
        AccountRegistry.Builder b = REGISTRY.toBuilder();
        OwnershipConflictException e = assertThrows(OwnershipConflictException.class,
                () -> b.add(OwnedAccount.of(Platform.TWITTER, "ACME", "acme", "bob")));
        assertTrue(e.getMessage().contains("twitter:acme") && e.getMessage().contains("'alice'")
                && e.getMessage().contains("'bob'"), e.getMessage());
        assertEquals("alice", e.registered().owner());
        assertEquals("bob", e.attempted().owner());
        assertThrows(OwnershipConflictException.class,
                () -> b.add(OwnedAccount.of(Platform.TWITTER, "acme", "other-brand", "alice")));
    }

    @Test
    void registeringAnAccountAgainWithTheSameOwnerAddsDelegates() {
        AccountRegistry r = REGISTRY.toBuilder()
                .add(new OwnedAccount(Platform.TWITTER, "acme", "acme", "Alice", Set.of("dana")))
                .build();
        OwnedAccount a = r.find(Platform.TWITTER, "ACME").orElseThrow();
        assertEquals(Set.of("ben", "dana"), a.delegates());
        assertTrue(a.mayPost("DANA"));
        assertTrue(a.mayPost("alice"));
        assertFalse(a.mayPost("mallory"));
    }

    @Test
    void findsAccountsByPlatformAndHandleOrByHandleAlone() {
        assertEquals("alice", REGISTRY.find("twitter:@acme").get(0).owner());
        assertEquals("carol", REGISTRY.find("facebook:Acme").get(0).owner());
        assertEquals(2, REGISTRY.find("@acme").size());
        assertEquals(List.of(), REGISTRY.find("instagram:acme"));
        assertEquals(List.of(), REGISTRY.find("not a platform!:acme"));
        assertEquals(3, REGISTRY.accountsOf("ACME").size());
    }

    @Test
    void reportsBrandsWithoutAnAccountOnAMajorPlatform() {
        List<CoverageGap> gaps = REGISTRY.coverageGaps();
        assertEquals(2, gaps.size());
        assertEquals("acme", gaps.get(0).brand());
        assertEquals(Set.of(Platform.INSTAGRAM), gaps.get(0).missing());
        assertEquals("nordlys", gaps.get(1).brand());
        assertEquals(List.of(Platform.FACEBOOK, Platform.INSTAGRAM, Platform.TWITTER), gaps.get(1).missingSorted());
        assertTrue(gaps.get(0).describe().contains("instagram"));
        AccountRegistry onlyTwitter = REGISTRY.toBuilder().majorPlatforms(List.of(Platform.TWITTER)).build();
        assertEquals(List.of("nordlys"), onlyTwitter.coverageGaps().stream().map(CoverageGap::brand).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"acme_", "ac.me", "acrne", "4cme", "acmehe1p", "acme_help", "acme.help",
        "acme_official", "officialacme", "the_real_acme", "acme_support_uk", "acmehelpp", "brightbaen", "brightbeen",
        "bright_bean", "brlghtbean", "brightbean_official", "acmehelp_", "\u0430cme"})
    void flagsHandlesThatImitateTheBrand(String handle) {
        Optional<LookAlike> l = REGISTRY.lookAlike(handle);
        assertTrue(l.isPresent(), handle);
        assertFalse(l.get().reasons().isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"acme", "ACME", "@AcmeHelp", "brightbean", "jane_doe", "acmetools_fan", "coffeelover",
        "ab", "bean", "nordlysfan_kari", "acne", "acre"})
    void leavesRealAndUnrelatedHandlesAlone(String handle) {
        assertEquals(Optional.empty(), REGISTRY.lookAlike(handle), handle);
    }

    @Test
    void saysHowAHandleImitates() {
        LookAlike homoglyph = REGISTRY.lookAlike("acrne").orElseThrow();
        assertEquals(Set.of(LookAlike.Reason.HOMOGLYPH), homoglyph.reasons());
        assertEquals("acme", homoglyph.brand());
        LookAlike sep = REGISTRY.lookAlike("acme_help").orElseThrow();
        assertEquals("@AcmeHelp", sep.imitates());
        assertEquals(Set.of(LookAlike.Reason.SEPARATOR), sep.reasons());
        LookAlike added = REGISTRY.lookAlike("acme_official").orElseThrow();
        assertTrue(added.reasons().contains(LookAlike.Reason.ADDED_WORD));
        LookAlike typo = REGISTRY.lookAlike("brightbeen").orElseThrow();
        assertEquals(Set.of(LookAlike.Reason.EDIT_DISTANCE), typo.reasons());
        assertTrue(typo.describe().contains("letter"));
    }

    @Test
    void findsLookAlikeAuthorsAmongMentionsButNotTheBrandsOwnPosts() {
        Mention impostor = Mention.builder(Platform.TWITTER, "1").author(Author.of("9", "acme_supp0rt", 10))
                .text("DM us your card number").build();
        Mention fan = Mention.builder(Platform.TWITTER, "2").author(Author.of("8", "jane", 10)).text("love it").build();
        Mention own = Mention.builder(Platform.TWITTER, "3").author(Author.of("7", "acme", 10)).ownedAccount(true)
                .text("hello").build();
        Map<MentionKey, LookAlike> found = REGISTRY.lookAlikes(List.of(impostor, fan, own));
        assertEquals(Set.of(impostor.key()), found.keySet());
    }

    @Test
    void anEmptyRegistryHasNoLookAlikesAndNoGaps() {
        assertSame(AccountRegistry.empty(), AccountRegistry.empty());
        assertTrue(AccountRegistry.empty().isEmpty());
        assertEquals(Optional.empty(), AccountRegistry.empty().lookAlike("acme_official"));
        assertEquals(List.of(), AccountRegistry.empty().coverageGaps());
    }

    @Test
    void refusesBadAccountsNamingTheField() {
        assertThrows(IllegalArgumentException.class, () -> OwnedAccount.of(Platform.TWITTER, " ", "acme", "alice"));
        assertThrows(IllegalArgumentException.class, () -> OwnedAccount.of(Platform.TWITTER, "a b", "acme", "alice"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OwnedAccount.of(Platform.TWITTER, "acme", "acme", " "));
        assertTrue(e.getMessage().contains("owner"));
        assertThrows(IllegalArgumentException.class, () -> AccountRegistry.builder().majorPlatforms(List.of()));
        assertThrows(IllegalArgumentException.class, () -> AccountRegistry.builder().addedWords(List.of("x")));
    }
}
