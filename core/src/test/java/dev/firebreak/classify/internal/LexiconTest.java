package dev.firebreak.classify.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LexiconTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "en|en", "EN|en", "en-US|en", "en_GB|en", " en |en", "eng|en", "pt-BR|pt", "por|pt", "no|nb", "nb|nb",
        "nob|nb", "nn|nn", "nno|nn", "zh-Hant|zh", "zho|zh", "cmn|zh", "ar|ar", "hi|hi", "fra|fr", "ger|de",
        "xx|*", "e|*", "english|*", "|*", "und|*", "12|*", "en1|*"})
    void readsPlatformLanguageHintsInAnyCaseWithRegionOrThreeLetterCodes(String hint, String expected) {
        int i = Lexicon.hintIndex(hint == null ? "" : hint);
        assertEquals(expected, i < 0 ? "*" : Lexicon.CODES[i], "hint '" + hint + "'");
    }
}
