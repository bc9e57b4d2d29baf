package cn.hxay.hazard;

import java.time.Instant;

/** One recorded step in a hazard's history: who did what, when, with what comment. */
public record HazardStep(String action, String actor, Instant at, String comment) {
}
