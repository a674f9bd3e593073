package dev.firebreak.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firebreak.mention.Mention;
import dev.firebreak.mention.Platform;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the built-in classifier does with the phenomena it claims to handle. */
class BuiltInClassifierBehaviourTest {

    private static final BuiltInClassifier C = BuiltInClassifier.create();

    private static Classification classify(String text) {
        return C.classify(Mention.builder(Platform.TWITTER, "1").text(text).build());
    }

    private static Classification classify(String text, String langHint) {
        return C.classify(Mention.builder(Platform.TWITTER, "1").text(text).language(langHint).build());
    }

    private static boolean hasEvidence(Classification c, String signal, String evidence) {
        for (Signal s : c.signals()) {
            if (s.name().equals(signal) && s.evidence().equals(evidence)) {
                return true;
            }
        }
        return false;
    }

    // ------------------------------------------------------------------ sentiment

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "The service is good.|The service is not good.",
        "Le service est bon.|Le service n'est pas bon.",
        "Der Service ist gut.|Der Service ist nicht gut.",
        "Servicen er bra.|Servicen er ikke bra.",
        "El servicio es bueno.|El servicio no es bueno.",
        "房间舒适。|房间不舒适。"})
    void negationFlipsPositiveToNegative(String plain, String negated) {
        Classification p = classify(plain);
        Classification n = classify(negated);
        assertEquals(Polarity.POSITIVE, p.polarity(), plain + " -> " + p);
        assertTrue(n.sentiment() < 0, negated + " -> " + n);
        assertTrue(n.hasSignal("negation"), negated + " has no negation signal: " + n.signals());
    }

    @Test
    void negatedNegativeIsNotNegative() {
        assertTrue(classify("Not bad at all, the fix works.").sentiment() > 0);
    }

    @Test
    void germanAndNorwegianNegationAfterTheVerbCounts() {
        assertTrue(classify("Das gefällt mir nicht.").sentiment() < 0);
        assertTrue(classify("Jeg liker det ikke.").sentiment() < 0);
    }

    @Test
    void clauseAfterButWeighsMore() {
        Classification c = classify("The food was great but the service was terrible.");
        assertEquals(Polarity.NEGATIVE, c.polarity(), c.toString());
        assertTrue(c.hasSignal("contrast"));
        assertEquals(Polarity.POSITIVE, classify("The service was terrible but the food was great.").polarity());
        assertEquals(Polarity.NEGATIVE, classify("La nourriture était bonne mais le service était horrible.")
                .polarity());
    }

    @Test
    void verdictAfterASummaryMarkerWeighsMore() {
        Classification c = classify("The room was small and a bit noisy, the lift was slow. Overall a great stay.");
        assertEquals(Polarity.POSITIVE, c.polarity(), c.toString());
        assertTrue(c.hasSignal("summary"));
        assertEquals(Polarity.POSITIVE, classify("房间有点旧，早餐一般，服务差，总的来说还是很满意。").polarity());
    }

    @Test
    void chineseReservationAfterJiushiDoesNotOutweighTheVerdict() {
        // 就是 / 只是 ("it's just that") add a reservation; they do not reverse the verdict like 但是 does
        assertEquals(Polarity.POSITIVE, classify("房间不错，就是有点吵。").polarity());
        assertEquals(Polarity.NEGATIVE, classify("房间很干净，但是服务很差，早餐也不好。").polarity());
    }

    @Test
    void chineseCompoundsWithANegatorAreNotNegations() {
        // 不知道 ("don't know") and 无烟房 ("non-smoking room") negate nothing
        Classification c = classify("我不知道酒店有无烟房。");
        assertEquals(Polarity.NEUTRAL, c.polarity());
        assertFalse(c.signals().stream().anyMatch(s -> s.name().equals("negation")), c.signals().toString());
        assertEquals(Polarity.NEGATIVE, classify("房间不干净。").polarity());
    }

    @Test
    void romanceWordsAreFoundInAnyGenderAndNumber() {
        // the lexicons list one form; the others are found through it, in French, Spanish, Italian, Portuguese
        assertEquals(Polarity.NEGATIVE, classify("Sono davvero schifosi questi politici", "it").polarity());
        assertEquals(Polarity.NEGATIVE, classify("Che risposte ridicole e incapaci", "it").polarity());
        assertEquals(Polarity.NEGATIVE, classify("La película fue aburrida", "es").polarity());
        // an English word is not read through another language's endings
        assertEquals(Polarity.NEUTRAL, classify("The ridicola and schifosa are two names of our streets", "en")
                .polarity());
    }

    @Test
    void romanceFormListedOnlyByAnotherLanguageIsStillFoundThroughItsOwnLanguagesForm() {
        // Portuguese lists "desesperada", Spanish only "desesperado": a Spanish text still reads it
        assertEquals(Polarity.NEGATIVE, classify("Estoy desesperada con el trabajo", "es").polarity());
    }

    @Test
    void norwegianTitlesInGuillemetsAreNamesNotOpinions() {
        String titles = "Han spilte «Beautiful Day» og «Love Will Tear Us Apart» på konserten i går.";
        assertEquals(Polarity.NEUTRAL, classify(titles, "nb").polarity());
        // without the guillemets, or with an unmatched one, the words count
        assertEquals(Polarity.POSITIVE, classify(titles.replace("«", "").replace("»", ""), "nb").polarity());
        assertEquals(Polarity.POSITIVE, classify(titles.replace("»", ""), "nb").polarity());
        // in French, guillemets quote speech, which keeps its sentiment
        assertEquals(Polarity.NEGATIVE, classify("Le client a dit « c'est horrible » au téléphone.", "fr").polarity());
    }

    @Test
    void userEmoticonsAndLongChineseTermsAreMatched() {
        BuiltInClassifier acme = BuiltInClassifier.builder()
                .addLexicon("acme.txt", new StringReader("@lang *\nword 3 %-)\n@lang zh\nword -3 退款拖了很久\n"))
                .build();
        // '%' starts no built-in emoticon: the user's term must still be looked up
        assertTrue(acme.classify("got the parcel %-)").sentiment() > 0);
        assertTrue(classify("got the parcel %-)").sentiment() == 0);
        // a Chinese term matched in full although none of its shorter prefixes is a term
        assertTrue(hasEvidence(acme.classify("这家店退款拖了很久"), "negative_term", "退款拖了很久"));
    }

    @Test
    void intensifiersStrengthenAndDampenersWeaken() {
        double plain = classify("The hotel is good").sentiment();
        double very = classify("The hotel is very good").sentiment();
        double slightly = classify("The hotel is slightly good").sentiment();
        assertTrue(very > plain, very + " vs " + plain);
        assertTrue(slightly < plain, slightly + " vs " + plain);
    }

    @Test
    void capitalsAndElongationAndExclamationsAddEmphasis() {
        double plain = classify("this phone is bad").sentiment();
        Classification caps = classify("this phone is BAD");
        Classification elongated = classify("this phone is baaaad");
        Classification shouted = classify("this phone is bad!!!");
        assertTrue(caps.sentiment() < plain && caps.hasSignal("all_caps"), caps.toString());
        assertTrue(elongated.sentiment() < plain && elongated.hasSignal("elongation"), elongated.toString());
        assertTrue(shouted.sentiment() < plain && shouted.hasSignal("exclamation"), shouted.toString());
        assertTrue(classify("sooo happy with it").sentiment() > 0);
    }

    @Test
    void emojiAndEmoticonsCarrySentiment() {
        Classification angry = classify("@acme 😡😡");
        assertEquals(Polarity.NEGATIVE, angry.polarity());
        assertTrue(angry.hasSignal("emoji"));
        assertEquals(Polarity.POSITIVE, classify("new headphones arrived 😍").polarity());
        Classification smiley = classify("got it today :)");
        assertEquals(Polarity.POSITIVE, smiley.polarity());
        assertTrue(smiley.hasSignal("emoticon"));
        assertEquals(Polarity.NEGATIVE, classify("still broken :(").polarity());
    }

    @Test
    void hashtagsCountAndCamelCaseIsSplit() {
        Classification fail = classify("Another update from @acme #fail");
        assertEquals(Polarity.NEGATIVE, fail.polarity());
        assertTrue(fail.hasSignal("hashtag"));
        Classification boycott = classify("Enough is enough. #BoycottAcme");
        assertTrue(boycott.categories().contains(Category.BOYCOTT), boycott.toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "my parcel never came #fail",
        "this is not good #fail",
        "this is NOT good, my parcel never came #fail",
        "das ist nicht gut #fail",
        "det er ikke bra #fail",
        "no me gusta #fail"})
    void aHashtagIsItsOwnStatementThatANegationBeforeItDoesNotFlip(String text) {
        Classification c = classify(text);
        assertEquals(Polarity.NEGATIVE, c.polarity(), text + " -> " + c);
        assertTrue(c.sentiment() <= -0.4, text + " is only " + c.sentiment());
    }

    @Test
    void aNegationInsideAHashtagStillNegatesItsOwnWords() {
        Classification c = classify("the app is #NotGood");
        assertEquals(Polarity.NEGATIVE, c.polarity(), c.toString());
        assertTrue(c.hasSignal("negation"), c.signals().toString());
    }

    @Test
    void aNegatedPraiseAndANegativeHashtagReinforceEachOther() {
        double both = classify("this is not good #fail").sentiment();
        assertTrue(both < classify("this is not good").sentiment(), "not good #fail: " + both);
        assertTrue(both < classify("this is #fail").sentiment(), "not good #fail: " + both);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "not cheap, great service",
        "pas cher, excellent service",
        "nicht billig, toller Service",
        "no es barato, excelente servicio",
        "non è economico, servizio ottimo",
        "não é barato, ótimo atendimento",
        "ikke billig, flott service"})
    void aNegationEndsAtTheClauseBoundary(String text) {
        Classification c = classify(text);
        assertTrue(c.sentiment() > 0.3, text + " -> " + c);
    }

    @Test
    void commonSarcasmIsReadAsNegative() {
        for (String text : List.of("Great, another delay.", "Thanks for nothing @acme", "I just love waiting on hold",
                "Merci pour rien.")) {
            Classification c = classify(text);
            assertEquals(Polarity.NEGATIVE, c.polarity(), text + " -> " + c);
            assertTrue(c.hasSignal("sarcasm"), text + " has no sarcasm signal: " + c.signals());
        }
    }

    @Test
    void handlesAndUrlsAreNotWords() {
        Classification c = classify("@terrible_service @hate https://worst.example/awful?bad=1 www.horrible.example");
        assertEquals(0.0, c.sentiment());
        assertEquals(Polarity.NEUTRAL, c.polarity());
        assertTrue(c.categories().isEmpty());
    }

    // ------------------------------------------------------------------ language

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "en|My order arrived late and the box was damaged, what is going on with your service?",
        "fr|Je suis très déçu, la livraison est encore en retard et personne ne répond.",
        "de|Ich bin sehr enttäuscht, die Lieferung ist wieder zu spät und niemand antwortet.",
        "es|Estoy muy decepcionado, el pedido llegó tarde otra vez y nadie contesta.",
        "it|Sono molto deluso, la consegna è di nuovo in ritardo e nessuno risponde.",
        "pt|Estou muito decepcionado, a entrega atrasou de novo e ninguém responde.",
        "nb|Jeg er ikke fornøyd med tjenesten, de svarer aldri på e-post og pakken kom aldri.",
        "nn|Eg er ikkje nøgd med tenesta, dei svarar aldri på e-post og pakken kom aldri.",
        "zh|快递太慢了，服务很差，我非常失望。",
        "ar|خدمة العملاء سيئة جدا ولم يصل الطلب حتى الان",
        "hi|यह सेवा बहुत खराब है और कोई जवाब नहीं देता",
        "hi|yaar ye service bahut bakwas hai, koi jawab nahi deta"})
    void identifiesTheLanguage(String code, String text) {
        Classification c = classify(text);
        assertEquals(code, c.language().code(), text);
        assertTrue(c.languageConfidence() >= 0.5, text + " confidence " + c.languageConfidence());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "en|Worst service ever!!!",
        "en|worst service ever",
        "en|Terrible customer service",
        "en|Worst. Service. Ever.",
        "fr|Service nul",
        "de|Kundendienst ist katastrophal",
        "es|Servicio pésimo",
        "it|Pessimo servizio",
        "pt|Atendimento péssimo",
        "nb|Elendig kundeservice"})
    void identifiesTheLanguageOfAShortTextFromWordsOnlyThatLanguageUses(String code, String text) {
        Classification c = classify(text);
        assertEquals(code, c.language().code(), text + " -> " + c);
        assertTrue(c.languageConfidence() >= 0.4, text + " confidence " + c.languageConfidence());
        assertEquals(Polarity.NEGATIVE, c.polarity(), text + " -> " + c);
        assertFalse(c.hasSignal("unknown_language"), text + " -> " + c.signals());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "nb|Kjempeflott produkt",
        "hi|Khaana thanda"})
    void aShortTextsUnknownWordsNameTheirLanguageByTheirLetters(String code, String text) {
        // no lexicon lists "kjempeflott", "khaana" or "thanda": their character trigrams look Norwegian and Hindi
        Classification c = classify(text);
        assertEquals(code, c.language().code(), text + " -> " + c);
    }

    @Test
    void norwegianKjempeCompoundsAreStrongWords() {
        Classification c = classify("Kjempebra produkt");
        assertEquals("nb", c.language().code(), c.toString());
        assertEquals(Polarity.POSITIVE, c.polarity(), c.toString());
    }

    @Test
    void aShortTextMixingLanguagesOrWithNoKnownWordGetsOnlyALowLanguageConfidence() {
        for (String text : List.of("Service nul, worst ever", "merci, great job", "asdf qwerty zxcv")) {
            Classification c = classify(text);
            assertTrue(c.languageConfidence() < 0.5, text + " -> " + c);
        }
        assertTrue(classify("asdf qwerty zxcv").language().isUndetermined());
    }

    @Test
    void tellsBokmalFromNynorsk() {
        assertEquals(Language.NORWEGIAN_BOKMAL, classify("Jeg synes ikke det var noe bra, hva med deg?").language());
        assertEquals(Language.NORWEGIAN_NYNORSK, classify("Eg synest ikkje det var noko bra, kva med deg?").language());
    }

    @Test
    void reportedLanguageIsOnlyAHint() {
        Classification c = classify("Die Lieferung ist nicht gut, das Paket war kaputt und niemand antwortet.", "en");
        assertEquals(Language.GERMAN, c.language());
        assertEquals(Language.FRENCH, classify("super", "fr").language(), "a hint decides when nothing else does");
    }

    @Test
    void readsTraditionalChineseWithTheSimplifiedLexicon() {
        Classification c = classify("服務態度很差，質量也不好。");
        assertEquals(Language.CHINESE, c.language());
        assertEquals(Polarity.NEGATIVE, c.polarity());
    }

    @Test
    void unknownLanguagesAreNeutralWithLowConfidence() {
        for (String text : List.of("Это ужасный сервис, я очень недоволен", "Dit is echt een ramp geweest vandaag",
                "これはひどいサービスです")) {
            Classification c = classify(text);
            assertEquals(Polarity.NEUTRAL, c.polarity(), text + " -> " + c);
            assertTrue(c.languageConfidence() < 0.5, text + " -> " + c);
            assertFalse(c.complaint(), text);
        }
        assertTrue(classify("Это ужасный сервис").language().isUndetermined());
    }

    // ------------------------------------------------------------------ complaints and categories

    @Test
    void customerWithAProblemIsAComplaintAndPraiseIsNot() {
        Classification complaint = classify("@AcmeHelp my order still hasn't arrived and nobody answers. Refund please.");
        assertTrue(complaint.complaint(), complaint.toString());
        assertTrue(complaint.complaintScore() > 0.7);
        Classification praise = classify("Lovely shop, friendly staff, will come back!");
        assertFalse(praise.complaint(), praise.toString());
        assertTrue(praise.complaintScore() < 0.5);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "delivery|My parcel never arrived, where is my order?|never arrived",
        "product_quality|The kettle stopped working after two days, poor quality.|poor quality",
        "customer_service|Rude staff and no response to my emails.|rude staff",
        "billing|I was charged twice for the same order, I want my money back.|charged twice",
        "outage|The app is down again and I can't log in.|can't log in",
        "safety|My heater caught fire last night.|caught fire",
        "discrimination|The guard followed me around because I'm Black, this is racial profiling.|followed me around",
        "offensive_content|This ad is so tone-deaf, who approved this?|tone deaf",
        "privacy|You leaked my personal data to a third party.|personal data",
        "legal|My lawyer will be in touch about this.|lawyer",
        "boycott|Cancelled my subscription and switching to a competitor.|switching to a competitor",
        "delivery|Livraison en retard, colis jamais reçu.|jamais reçu",
        "billing|Me han cobrado dos veces, quiero un reembolso.|reembolso",
        "outage|应用一直崩溃，根本无法登录。|崩溃"})
    void categoriesComeWithTheirEvidence(String category, String text, String evidence) {
        Classification c = classify(text);
        Category cat = Category.of(category);
        assertTrue(c.categories().contains(cat), text + " -> " + c.categories());
        boolean backed = false;
        for (Signal s : c.signals()) {
            if (s.category().equals(Optional.of(cat)) && s.name().equals("category_term")) {
                backed = true;
            }
        }
        assertTrue(backed, "no category_term signal for " + category + " in " + c.signals());
        assertTrue(hasEvidence(c, "category_term", evidence), "no evidence '" + evidence + "' in " + c.signals());
    }

    @Test
    void aQuestionWithoutAProblemIsARequestNotAComplaint() {
        Classification request = classify("@AcmeHelp can you tell me if the King St store is open after the refit?");
        // addressed to a service account, but it only asks: well below the complaint line
        assertTrue(request.complaintScore() < 0.35, () -> "score " + request.complaintScore());
        Classification problem = classify("@AcmeHelp why is my order still not here after two weeks?");
        assertTrue(problem.complaint(), () -> "score " + problem.complaintScore());
        assertTrue(problem.complaintScore() > request.complaintScore() + 0.3);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "en|Anyone tried the Kestrel cold brew yet?",
        "en|Has anyone tried the Kestrel cold brew yet? #kestrelmoments",
        "en|Is the Acme cold-pressed juice any good? Anyone tried it yet?",
        "fr|Quelqu'un a déjà goûté le cold brew Kestrel ?",
        "de|Hat jemand schon den Kestrel Cold Brew probiert?",
        "es|¿Alguien ha probado ya el cold brew de Kestrel?",
        "it|Qualcuno ha già provato il cold brew di Kestrel?",
        "pt|Alguém já provou o cold brew da Kestrel?",
        "nb|Har noen prøvd Kestrel cold brew ennå?"})
    void aCuriousQuestionAboutAColdBrewIsNeutralNotNegative(String lang, String text) {
        // "cold" names the kind of drink here, not a fault, and a clause-final "yet" is "so far", not "but"
        Classification c = classify(text, lang);
        assertEquals(Polarity.NEUTRAL, c.polarity(), text + " -> " + c);
        assertFalse(c.complaint(), text + " -> " + c);
        assertFalse(c.hasSignal("negative_term"), text + " -> " + c.signals());
        assertFalse(c.hasSignal("contrast"), text + " -> " + c.signals());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Got cold coffee again this morning.|cold",
        "The soup arrived cold and the bread was stale.|cold"})
    void coldFoodIsStillAComplaintAboutQuality(String text, String evidence) {
        Classification c = classify(text, "en");
        assertEquals(Polarity.NEGATIVE, c.polarity(), text + " -> " + c);
        assertTrue(hasEvidence(c, "negative_term", evidence), text + " -> " + c.signals());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "@Kestrel my order is still not delivered yet",
        "@Kestrel no refund yet!",
        "@Kestrel yet another delay, this is ridiculous"})
    void complaintsThatSayYetStayNegativeComplaints(String text) {
        Classification c = classify(text, "en");
        assertEquals(Polarity.NEGATIVE, c.polarity(), text + " -> " + c);
        assertTrue(c.complaint(), text + " -> " + c);
    }

    @Test
    void aClauseFinalYetMeansSoFarAndDoesNotWeakenWhatCameBefore() {
        Classification fin = classify("@Kestrel my order is still not delivered yet", "en");
        assertFalse(fin.hasSignal("contrast"), fin.signals().toString());
        Classification without = classify("@Kestrel my order is still not delivered", "en");
        assertEquals(without.sentiment(), fin.sentiment(), 1e-9);
        // between two clauses "yet" still contrasts them: the verdict after it counts more
        Classification mid = classify("Expensive, yet really good.", "en");
        assertTrue(mid.hasSignal("contrast"), mid.signals().toString());
        assertEquals(Polarity.POSITIVE, mid.polarity(), mid.toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "en|Not sure yet, anyone tried it?",
        "en|I'm not sure about this one.",
        "fr|Je ne suis pas sûr, quelqu'un l'a essayé ?",
        "fr|Pas sûr encore.",
        "de|Ich bin mir nicht sicher.",
        "es|No estoy seguro todavía.",
        "it|Non sono sicuro.",
        "pt|Não tenho certeza ainda.",
        "nb|Jeg er ikke sikker ennå.",
        "nn|Eg er ikkje sikker.",
        "hi|pata nahi yaar"})
    void aHedgeIsDoubtNotANegation(String lang, String text) {
        Classification c = classify(text, lang);
        assertEquals(Polarity.NEUTRAL, c.polarity(), text + " -> " + c);
        assertEquals(0.0, c.sentiment(), 1e-9, text + " -> " + c);
        assertTrue(c.hasSignal("hedge"), text + " -> " + c.signals());
        assertFalse(c.hasSignal("negation"), text + " -> " + c.signals());
    }

    @Test
    void aHedgeWeakensTheSentimentOfItsSentenceOnly() {
        Classification sure = classify("It's worth the price.", "en");
        Classification hedged = classify("Not sure it's worth the price.", "en");
        assertTrue(sure.sentiment() > 0, sure.toString());
        assertTrue(hedged.sentiment() > 0 && hedged.sentiment() < sure.sentiment(), hedged.toString());
        // a negation that is no hedge still negates
        assertTrue(classify("It's not worth the price.", "en").sentiment() < 0);
        // the next sentence keeps its full weight
        Classification next = classify("Not sure about the colour. Love the fit though!", "en");
        assertEquals(Polarity.POSITIVE, next.polarity(), next.toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "en|Is it good?",
        "en|Is the new app any good?",
        "fr|C'est bon ?",
        "de|Ist es gut?",
        "es|¿Es bueno?"})
    void aQuestionWhetherSomethingIsGoodAsksAndDoesNotPraise(String lang, String text) {
        Classification c = classify(text, lang);
        assertEquals(Polarity.NEUTRAL, c.polarity(), text + " -> " + c);
        assertFalse(c.complaint(), text + " -> " + c);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "en|Who else loves this?",
        "en|Anyone else love the new design?",
        "en|Does anyone else think the new update is great?",
        "fr|Qui d'autre adore ce nouveau parfum ?",
        "it|Chi altro adora questo caffè?"})
    void aQuestionThatSaysWhatTheAskerThinksStillPraises(String lang, String text) {
        Classification c = classify(text, lang);
        assertEquals(Polarity.POSITIVE, c.polarity(), text + " -> " + c);
        // the same praise asked about is not praise
        Classification asked = classify("Do you love it?", "en");
        assertTrue(c.sentiment() > 3 * Math.max(0.01, asked.sentiment()), c + " vs " + asked);
    }

    @Test
    void aRhetoricalQuestionDoesNotTurnAComplaintIntoPraise() {
        Classification c = classify("Anyone else having problems with the app?", "en");
        assertEquals(Polarity.NEGATIVE, c.polarity(), c.toString());
        Classification who = classify("Who is good at fixing phones?", "en");
        assertEquals(Polarity.NEUTRAL, who.polarity(), "a question that asks still asks: " + who);
    }

    @Test
    void praiseBeforeAQuestionInAnotherClauseStillCounts() {
        Classification asked = classify("Is it good?", "en");
        Classification praised = classify("I love it, is it available in red?", "en");
        assertTrue(praised.sentiment() > 3 * asked.sentiment(), praised + " vs " + asked);
    }

    // ------------------------------------------------------------------ Hindi (Hinglish)

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "yaar movie bahut badhiya thi, maza aa gaya|POSITIVE",
        "bhai ekdum zabardast gaana hai|POSITIVE",
        "aapka kaam shandaar hai, dhanyavad|POSITIVE",
        "kya bakwas service hai yaar, koi jawab nahi deta|NEGATIVE",
        "ye phone ekdum ghatiya hai, paisa barbad|NEGATIVE",
        "यह फिल्म बहुत अच्छी है|POSITIVE",
        "यह सेवा बहुत खराब है|NEGATIVE",
        "kal match hai, sab log ghar pe dekhenge|NEUTRAL"})
    void readsRomanisedAndDevanagariHindi(String text, Polarity expected) {
        Classification c = classify(text);
        assertEquals("hi", c.language().code(), text + " -> " + c);
        assertEquals(expected, c.polarity(), text + " -> " + c);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "film acchi nahi thi",
        "mujhe pasand nahi aaya",
        "khana bilkul accha nahi tha",
        "ये फिल्म अच्छी नहीं थी"})
    void hindiNegationAfterWhatItNegatesCounts(String text) {
        Classification c = classify(text);
        assertEquals(Polarity.NEGATIVE, c.polarity(), text + " -> " + c);
        assertTrue(c.hasSignal("negation"), text + " -> " + c.signals());
    }

    @Test
    void aHindiNegatorDoesNotReachAcrossAPostposition() {
        // "kutte ki nahi sunni" (no one listens to the dog): the insult is not negated into praise
        Classification c = classify("kutte ki nahi sunni koi baat");
        assertTrue(c.sentiment() < 0, c.toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "en|I am a big fan of Salman bhai, love his movies",
        "en|The match today was so good yaar",
        "hi|salman bhai ki movie kab aayegi yaar"})
    void englishWithAFewHindiWordsStaysEnglishAndHinglishIsHindi(String code, String text) {
        Classification c = classify(text);
        assertEquals(code, c.language().code(), text + " -> " + c);
    }

    @Test
    void hinglishComplaintIsAComplaintWithItsCategory() {
        Classification c = classify("@AcmeCare mera order abhi tak nahi aaya, paisa wapas karo");
        assertEquals("hi", c.language().code(), c.toString());
        assertTrue(c.complaint(), c.toString());
        assertTrue(c.categories().contains(Category.DELIVERY) || c.categories().contains(Category.BILLING),
                c.categories().toString());
    }

    @Test
    void topicalWordsAloneDoNotMakeACategory() {
        Classification c = classify("Thanks for the quick delivery, the package looks great!");
        assertFalse(c.categories().contains(Category.DELIVERY), c.toString());
        assertEquals(Polarity.POSITIVE, c.polarity());
    }

    // ------------------------------------------------------------------ user lexicons

    @Test
    void userLexiconOverridesAndExtendsBuiltInTerms(@TempDir Path dir) throws IOException {
        String text = "The new Acme Sick Boots are sick, and the zorblax feature keeps glitching.";
        Classification before = C.classify(Mention.builder(Platform.TWITTER, "1").text(text).build());
        Path file = dir.resolve("acme.txt");
        Files.writeString(file, String.join("\n",
                "# Acme's slang and product words",
                "@lang en",
                "word 3 sick",
                "word -2.5 glitching",
                "category product_quality 1.0 zorblax"), StandardCharsets.UTF_8);
        BuiltInClassifier acme = BuiltInClassifier.builder().addLexicon(file).build();
        Classification after = acme.classify(Mention.builder(Platform.TWITTER, "1").text(text).build());
        assertNotEquals(before.sentiment(), after.sentiment());
        assertTrue(hasEvidence(after, "positive_term", "sick"), after.signals().toString());
        assertTrue(after.categories().contains(Category.PRODUCT_QUALITY), after.toString());
        assertTrue(hasEvidence(after, "category_term", "zorblax"));
    }

    @Test
    void userLexiconCanIgnoreABuiltInTermAndAddACategory() {
        BuiltInClassifier c = BuiltInClassifier.builder()
                .addLexicon("brand.txt", new StringReader("@lang en\nignore crash\ncategory warranty 1.0 warranty claim\n"))
                .build();
        Classification r = c.classify("Crash Bandicoot is back, and my warranty claim was refused");
        assertFalse(hasEvidence(r, "negative_term", "crash"), r.signals().toString());
        assertTrue(r.categories().contains(Category.of("warranty")), r.toString());
    }

    @Test
    void userLexiconCanAddAHedgeAndNegationBeforeTheVerb() {
        BuiltInClassifier c = BuiltInClassifier.builder()
                .addLexicon("brand.txt", new StringReader("@lang en\nhedge on the fence\n"))
                .build();
        Classification hedged = c.classify(Mention.builder(Platform.TWITTER, "1")
                .text("On the fence about the new blend, it's good.").language("en").build());
        Classification plain = c.classify(Mention.builder(Platform.TWITTER, "1")
                .text("About the new blend, it's good.").language("en").build());
        assertTrue(hedged.hasSignal("hedge"), hedged.signals().toString());
        assertTrue(hedged.sentiment() < plain.sentiment(), hedged + " vs " + plain);
        // @post-negation always: German read as if it negated before the verb
        BuiltInClassifier before = BuiltInClassifier.builder()
                .addLexicon("de.txt", new StringReader("@lang de\n@post-negation always\n")).build();
        Classification gut = before.classify(Mention.builder(Platform.TWITTER, "1")
                .text("Der Kaffee gut nicht ist").language("de").build());
        assertTrue(gut.sentiment() < 0, gut.toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "word good|3|valence must be a number in [-5.0, 5.0], was 'good'",
        "word 2|3|missing term, expected 'word <valence> <term>'",
        "wrod 2 good|3|unknown kind 'wrod'",
        "word high good|3|valence must be a number",
        "word 9 good|3|valence must be a number in [-5.0, 5.0], was '9'",
        "category refunds! 1 money back|3|bad category",
        "stop not good|3|a stop word is one word",
        "@post-negation sometimes|3|@post-negation takes on, off or always, was 'sometimes'",
        "hedge|3|missing term, expected 'hedge <term>'"})
    void malformedLexiconLineIsAnErrorNamingFileLineAndProblem(String badLine, int line, String problem) {
        LexiconFormatException e = assertThrows(LexiconFormatException.class, () -> BuiltInClassifier.builder()
                .addLexicon("acme.txt", new StringReader("# ok\n@lang en\n" + badLine + "\n")).build());
        assertEquals("acme.txt", e.source());
        assertEquals(line, e.line());
        assertTrue(e.problem().contains(problem), e.getMessage());
        assertTrue(e.getMessage().startsWith("acme.txt:" + line + ": "), e.getMessage());
    }

    @Test
    void entriesBeforeALanguageAndUnknownLanguagesAreErrors(@TempDir Path dir) throws IOException {
        LexiconFormatException noLang = assertThrows(LexiconFormatException.class, () -> BuiltInClassifier.builder()
                .addLexicon("x.txt", new StringReader("word 1 good\n")).build());
        assertEquals(1, noLang.line());
        Path file = dir.resolve("sv.txt");
        Files.writeString(file, "\n@lang sv\n", StandardCharsets.UTF_8);
        LexiconFormatException sv = assertThrows(LexiconFormatException.class,
                () -> BuiltInClassifier.builder().addLexicon(file).build());
        assertEquals(file.toString(), sv.source());
        assertEquals(2, sv.line());
        assertTrue(sv.problem().contains("unknown language 'sv'"), sv.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> BuiltInClassifier.builder().addLexicon(dir.resolve("missing.txt")));
    }

    @Test
    void complaintThresholdIsValidated() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BuiltInClassifier.builder().complaintThreshold(1.5));
        assertTrue(e.getMessage().contains("complaintThreshold"));
        BuiltInClassifier strict = BuiltInClassifier.builder().complaintThreshold(0.99).build();
        assertFalse(strict.classify("@AcmeHelp my order is late").complaint());
    }

    @Test
    void discoveredAsBuiltin() {
        MentionClassifier c = new BuiltInClassifierProvider().create(ClassifierContext.defaults());
        assertTrue(c instanceof BuiltInClassifier);
        assertEquals("builtin", new BuiltInClassifierProvider().name());
    }
}
