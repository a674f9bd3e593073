package dev.firebreak.classify.internal;

/**
 * Letters that point to a language (ñ to Spanish, ß to German, ø to Norwegian...), added to the language
 * scores as the tokenizer meets them. Stop words and lexicon words add the rest (see {@link Lexicon}).
 */
final class LanguageEvidence {

    static final float LETTER = 0.3f;

    private LanguageEvidence() {
    }

    static void letter(char c, float[] score) {
        switch (Character.toLowerCase(c)) {
            case 'ñ':
                score[Lexicon.ES] += 2 * LETTER;
                break;
            case 'ß':
                score[Lexicon.DE] += 2 * LETTER;
                break;
            case 'ä': case 'ö': case 'ü':
                score[Lexicon.DE] += LETTER;
                break;
            case 'æ': case 'ø': case 'å':
                score[Lexicon.NB] += 2 * LETTER;
                score[Lexicon.NN] += 2 * LETTER;
                break;
            case 'ã': case 'õ':
                score[Lexicon.PT] += 2 * LETTER;
                break;
            case 'ç':
                score[Lexicon.FR] += LETTER;
                score[Lexicon.PT] += LETTER;
                break;
            case 'œ': case 'ë': case 'ï': case 'î': case 'û':
                score[Lexicon.FR] += LETTER;
                break;
            case 'è':
                score[Lexicon.FR] += LETTER;
                score[Lexicon.IT] += LETTER;
                break;
            case 'ê': case 'â': case 'ô':
                score[Lexicon.FR] += LETTER;
                score[Lexicon.PT] += LETTER;
                break;
            case 'à':
                score[Lexicon.FR] += LETTER;
                score[Lexicon.IT] += LETTER;
                score[Lexicon.PT] += LETTER / 2;
                break;
            case 'ì': case 'ò': case 'ù':
                score[Lexicon.IT] += LETTER;
                break;
            case 'á': case 'í': case 'ó': case 'ú':
                score[Lexicon.ES] += LETTER / 2;
                score[Lexicon.PT] += LETTER / 2;
                break;
            default:
                break;
        }
    }
}
