package dev.firebreak.store;

import dev.firebreak.classify.Classification;
import dev.firebreak.incident.IncidentId;
import dev.firebreak.mention.Mention;
import dev.firebreak.plan.StepKind;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One committed change to a brand's state, as the engine hands it to its {@link IncidentStore}: the input
 * that caused it (a mention with its classification, a tick, a person's action, the outcome of a
 * publishing control) and the engine time it was applied at. The engine's per-brand logic is a
 * deterministic function of the state, the change and the engine's configuration, so a store may keep
 * these changes instead of whole states: re-applied in order on a saved state (see
 * {@link StoredBrand}), they rebuild exactly the state the engine had.
 *
 * <p>Consume with {@code instanceof} patterns.
 */
public sealed interface BrandChange {

    /** The engine time the change was applied at. */
    Instant at();

    /**
     * A mention the brand took, with what the classifier said (so re-applying does not need the
     * classifier) and whether it came from one of the brand's own accounts.
     */
    record Ingest(Instant at, Mention mention, Classification classification, boolean owned) implements BrandChange {
        /** Validates. */
        public Ingest {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(mention, "mention");
            Objects.requireNonNull(classification, "classification");
        }
    }

    /** Time passed to {@code at}: buckets close, deadlines fire, calm incidents settle. */
    record Tick(Instant at) implements BrandChange {
        /** Validates. */
        public Tick {
            Objects.requireNonNull(at, "at");
        }
    }

    /** What a person can do to an incident. */
    enum ActionKind {
        /** {@code CrisisEngine.acknowledge}. */
        ACKNOWLEDGE,
        /** {@code CrisisEngine.recordPublicReply}. */
        PUBLIC_REPLY,
        /** {@code CrisisEngine.completeStep}; {@link Action#step()} names the step. */
        COMPLETE_STEP,
        /** {@code CrisisEngine.setFault}; {@link Action#atFault()} holds the answer. */
        SET_FAULT,
        /** {@code CrisisEngine.monitor}. */
        MONITOR,
        /** {@code CrisisEngine.resolve}. */
        RESOLVE,
        /** {@code CrisisEngine.review}. */
        REVIEW
    }

    /**
     * A person's action on an incident (applied after the time-based work due at {@code at}). It is
     * recorded even when it was refused (an illegal transition, say): the time-based work before it
     * still happened, and re-applying refuses it again.
     *
     * @param by who acted
     * @param step the step, for {@link ActionKind#COMPLETE_STEP} only
     * @param atFault the answer, for {@link ActionKind#SET_FAULT} only
     */
    record Action(Instant at, IncidentId incident, ActionKind kind, String by, Optional<StepKind> step,
            Optional<Boolean> atFault) implements BrandChange {
        /** Validates that {@code step} and {@code atFault} are present exactly for their kinds. */
        public Action {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(incident, "incident");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(by, "by");
            Objects.requireNonNull(step, "step");
            Objects.requireNonNull(atFault, "atFault");
            if (step.isPresent() != (kind == ActionKind.COMPLETE_STEP)) {
                throw new IllegalArgumentException("step must be present exactly for COMPLETE_STEP, kind was " + kind);
            }
            if (atFault.isPresent() != (kind == ActionKind.SET_FAULT)) {
                throw new IllegalArgumentException("atFault must be present exactly for SET_FAULT, kind was " + kind);
            }
        }

        /** An action without a step or fault answer. */
        public static Action of(Instant at, IncidentId incident, ActionKind kind, String by) {
            return new Action(at, incident, kind, by, Optional.empty(), Optional.empty());
        }
    }

    /**
     * What one publishing control did when asked to pause or resume.
     *
     * @param control its name
     * @param posts how many posts it held (or released)
     * @param failures what it could not do; empty when complete
     */
    record ControlOutcome(String control, int posts, List<String> failures) {
        /** Validates and copies. */
        public ControlOutcome {
            Objects.requireNonNull(control, "control");
            if (posts < 0) {
                throw new IllegalArgumentException("posts must be >= 0, was " + posts);
            }
            failures = List.copyOf(failures);
        }
    }

    /**
     * The brand's publishing controls were asked to hold scheduled content for an incident.
     *
     * @param complete whether every control held everything
     */
    record Paused(Instant at, IncidentId incident, boolean complete, List<ControlOutcome> outcomes)
            implements BrandChange {
        /** Validates and copies. */
        public Paused {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(incident, "incident");
            outcomes = List.copyOf(outcomes);
        }
    }

    /** The brand's publishing controls released held content (the incidents that paused it are over). */
    record Resumed(Instant at, List<ControlOutcome> outcomes) implements BrandChange {
        /** Validates and copies. */
        public Resumed {
            Objects.requireNonNull(at, "at");
            outcomes = List.copyOf(outcomes);
        }
    }
}
