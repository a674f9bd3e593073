package dev.firebreak.classify;

import dev.firebreak.testkit.MentionClassifierContract;
import java.util.ArrayList;
import java.util.List;

/** The shared classifier contract, run against the built-in classifier. */
class BuiltInClassifierTest extends MentionClassifierContract {

    private static final BuiltInClassifier CLASSIFIER = BuiltInClassifier.create();

    @Override
    protected MentionClassifier classifier() {
        return CLASSIFIER;
    }

    @Override
    protected List<String> ordinaryTexts() {
        List<String> texts = new ArrayList<>(super.ordinaryTexts());
        texts.add("Eg er ikkje nøgd med tenesta, dei svarar aldri på e-post.");
        texts.add("هذا المنتج سيء جدا ولا يعمل");
        texts.add("yeh service bahut bakwas hai yaar");
        texts.add("服務態度很差，不會再來了。");
        return texts;
    }
}
