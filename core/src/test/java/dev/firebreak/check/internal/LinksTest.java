package dev.firebreak.check.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class LinksTest {

    @ParameterizedTest
    @ValueSource(strings = {"https://acme.com", "http://acme.com/a/b?c=d#e", "https://www.acme.co.uk/x",
        "www.acme.com", "https://acme.com:8443/x", "https://xn--blbr-roa.no/", "https://blåbær.no/",
        "https://acme.com/%20space", "https://192.168.1.10/x", "HTTPS://ACME.COM"})
    void acceptsWellFormedLinks(String link) {
        assertEquals(Optional.empty(), Links.problem(link), link);
    }

    @ParameterizedTest
    @ValueSource(strings = {"htps://acme.com", "http//acme.com", "https:/acme.com", "https:://acme.com",
        "https://acme..com", "https://acme", "https://acme.c", "https://acme.con/x", "https://acme.com/{slug}",
        "{{link}}", "[LINK]", "https://acme.com/sp…", "https://acme.com/...", "www,acme.com",
        "https://https://acme.com", "https://-acme.com", "https://acme.com:80a/", "https://acme.com/a b",
        "https://acme.com/100%", "https://user@evil.com", "https://acme.123"})
    void reportsBrokenLinks(String link) {
        assertTrue(Links.problem(link).isPresent(), link);
    }

    @Test
    void explainsWhatIsWrongInPlainWords() {
        assertEquals("it starts with 'htps://' instead of http:// or https://", Links.problem("htps://x.com").get());
        assertTrue(Links.problem("https://acme.con").get().contains(".com"));
        assertTrue(Links.problem("https://acme.com/{x}").get().contains("placeholder"));
    }

    @Test
    void findsLinkLikeWordsInTextIncludingMistypedOnes() {
        List<TextScan.Link> links = TextScan.links("See (https://a.com/x). Or htps://b.no, www.c.es! and http//d.fr "
                + "{{url}} but not acme.com or 10:30 or e-mail");
        assertEquals(List.of("https://a.com/x", "htps://b.no", "www.c.es", "http//d.fr", "{{url}}"),
                links.stream().map(TextScan.Link::link).toList());
        TextScan.Link first = links.get(0);
        assertEquals("https://a.com/x", "See (https://a.com/x)".substring(first.start(), first.end()));
    }
}
